#!/usr/bin/env bash
# README command 1: install dependencies, build, install, run emend on an example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh
cmake --install build --prefix "${PREFIX:-/usr/local}" >/dev/null
echo "--- emend fix examples/damaged.txt" >&2
emend fix examples/damaged.txt
