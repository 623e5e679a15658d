#!/usr/bin/env bash
# One clang build in build/asan serves scripts/sanitize.sh and scripts/fuzz.sh: the core
# compiled once with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link, harmless outside a fuzzer), the GoogleTest
# suite linked without the libFuzzer driver, each fuzz target with it. -O1 keeps the build
# quick and the stacks readable; ccache is used when installed. Installs clang on Debian
# when it is missing.
#
#   bash scripts/asan_build.sh [cmake --build arguments, e.g. --target fuzz_segment]
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hits across clones: paths relative to the checkout, the working directory not hashed.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
BUILD=build/asan

if ! command -v clang++ >/dev/null; then
  echo "== installing clang (libFuzzer, sanitizers)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
      "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DSYNOPSIS_FUZZ=ON -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF "${launcher[@]}" >/dev/null
cmake --build "$BUILD" --parallel 2 "$@"
