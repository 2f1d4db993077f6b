#!/usr/bin/env bash
# README command 2: install whatever is missing, build with -Werror, run every
# test; then the same tests in an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
EMEND_DEVELOPER=ON bash scripts/build.sh
(cd build && ctest --output-on-failure -j2)
if [ "${EMEND_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEMEND_DEVELOPER=ON -DEMEND_WERROR=ON \
    -DEMEND_SANITIZE=ON >/dev/null
  cmake --build build-asan -j2
  (cd build-asan && ctest --output-on-failure -j2)
fi
