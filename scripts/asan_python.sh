#!/usr/bin/env bash
# Runs the pytest suite against an ASan+UBSan build of the extension module.
# The module is built with gcc in build/pyasan and staged with the Python package in
# build/pyasan/site; python3 then runs with gcc's libasan preloaded (an uninstrumented
# interpreter cannot load an ASan module otherwise; libstdc++ with it), PYTHONMALLOC=malloc so that Python's
# own allocations go through ASan too, and leak detection off (the interpreter keeps
# memory until exit by design). Any report aborts the run.
#
#   bash scripts/asan_python.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
BUILD=build/pyasan

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug \
      "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DSYNOPSIS_SANITIZE=ON -DSYNOPSIS_BUILD_PYTHON=ON \
      -DSYNOPSIS_BUILD_TESTS=OFF -DPython_EXECUTABLE="$(command -v "$PYTHON")" \
      -Dpybind11_DIR="$("$PYTHON" -m pybind11 --cmakedir)" >/dev/null
cmake --build "$BUILD" --parallel 2 --target _core

rm -rf "$BUILD/site" && mkdir -p "$BUILD/site"
cp -r python/synopsis "$BUILD/site/"
cp "$BUILD"/_core*.so "$BUILD/site/synopsis/"

# libstdc++ is preloaded too: python3 does not link it, and ASan must find the real
# __cxa_throw at start-up or its interceptor aborts on the first C++ exception.
LIBASAN="$(g++ -print-file-name=libasan.so)"
LIBSTDCXX="$(g++ -print-file-name=libstdc++.so.6)"
export LD_PRELOAD="$LIBASAN $LIBSTDCXX" PYTHONPATH="$PWD/$BUILD/site" PYTHONMALLOC=malloc
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
"$PYTHON" -c "import synopsis, sys; assert synopsis.__file__.startswith('$PWD/$BUILD/site'), synopsis.__file__"
"$PYTHON" -m pytest -q -p no:cacheprovider "$@"
