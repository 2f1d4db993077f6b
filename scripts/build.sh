#!/usr/bin/env bash
# Configures and builds emend into build/ (release, with tests when EMEND_DEVELOPER=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=${EMEND_DEVELOPER:-OFF}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEMEND_DEVELOPER="$DEV" -DEMEND_WERROR="$DEV" >/dev/null
cmake --build build -j2
