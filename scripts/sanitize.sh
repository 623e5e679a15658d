#!/usr/bin/env bash
# Runs the GoogleTest suite under AddressSanitizer + UndefinedBehaviorSanitizer (the clang
# build in build/asan that scripts/fuzz.sh shares: scripts/asan_build.sh), then the thread
# tests (tests/cpp/test_parallel*, test_concurrency*) under ThreadSanitizer in build/tsan.
# Any sanitizer report (memory error, leak, undefined behaviour, data race) fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== ASan+UBSan (clang; GoogleTests and fuzz targets in one build)"
bash scripts/asan_build.sh
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir build/asan --output-on-failure --parallel 2

echo "== ThreadSanitizer (clang)"
cmake -S . -B build/tsan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
      "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DSYNOPSIS_TSAN=ON -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF "${launcher[@]}" >/dev/null
cmake --build build/tsan --parallel 2
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
  ctest --test-dir build/tsan --output-on-failure --parallel 2
echo "sanitizer suites passed (clang: ASan+UBSan, TSan)"
