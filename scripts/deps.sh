#!/usr/bin/env bash
# Installs every Debian package emend needs to build, test and benchmark
# (bench/ocrnoise_heldout.sh, which typesets and runs Tesseract, lists its own).
# Idempotent: packages already present are not fetched again, and apt-get update
# runs only when something is missing. Used by both README set-up commands.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libicu-dev libxxhash-dev libzstd-dev zstd
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  wamerican hunspell hunspell-en-us aspell aspell-en jing python3
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "emend: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
