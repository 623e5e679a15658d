#!/usr/bin/env bash
# Builds the core and its GoogleTest suite with AddressSanitizer + UndefinedBehaviorSanitizer
# in build/asan and runs it through ctest, then the thread tests (tests/cpp/test_parallel*,
# test_concurrency*) with ThreadSanitizer in build/tsan. Any sanitizer report (memory error,
# leak, undefined behaviour, data race) fails the run. Prefers clang (its runtime comes
# from libclang-rt-14-dev), falls back to gcc.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build/asan

sanitizer_links() {  # can $1 build and link an ASan+UBSan and a TSan program?
  echo 'int main() { return 0; }' | "$1" -x c++ -fsanitize=address,undefined -o /dev/null - 2>/dev/null &&
    echo 'int main() { return 0; }' | "$1" -x c++ -fsanitize=thread -o /dev/null - 2>/dev/null
}
CXX_SAN="${CXX_SAN:-}"
if [ -z "$CXX_SAN" ]; then
  for cxx in clang++ g++; do
    if command -v "$cxx" >/dev/null && sanitizer_links "$cxx"; then CXX_SAN="$cxx"; break; fi
  done
fi
[ -n "$CXX_SAN" ] || { echo "no compiler with ASan/UBSan (apt-get install clang libclang-rt-14-dev)"; exit 1; }

# -O1 keeps the build quick and the stacks readable.
echo "== ASan+UBSan ($CXX_SAN)"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="$CXX_SAN" -DCMAKE_BUILD_TYPE=Debug \
      "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DSYNOPSIS_SANITIZE=ON -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF >/dev/null
cmake --build "$BUILD" --parallel 2

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
ctest --test-dir "$BUILD" --output-on-failure --parallel 2

echo "== ThreadSanitizer ($CXX_SAN)"
cmake -S . -B build/tsan -G Ninja -DCMAKE_CXX_COMPILER="$CXX_SAN" -DCMAKE_BUILD_TYPE=Debug \
      "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DSYNOPSIS_TSAN=ON -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF >/dev/null
cmake --build build/tsan --parallel 2
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
  ctest --test-dir build/tsan --output-on-failure --parallel 2
echo "sanitizer suites passed ($CXX_SAN: ASan+UBSan, TSan)"
