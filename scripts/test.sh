#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds and runs the GoogleTest suite
# through ctest, then installs the package with its test extras and runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1

bash scripts/install.sh
"$PYTHON" -m pip install -q -r requirements-test.txt

cmake -S . -B build/ctest -G Ninja -DCMAKE_BUILD_TYPE=Release -DSYNOPSIS_BUILD_TESTS=ON \
      -DSYNOPSIS_BUILD_PYTHON=OFF >/dev/null
cmake --build build/ctest --parallel
ctest --test-dir build/ctest --output-on-failure --parallel 2

# The C++ package: install it, then build and run the example program against it.
cmake --install build/ctest --prefix build/install >/dev/null
cmake -S examples/cpp -B build/example -G Ninja -DCMAKE_PREFIX_PATH="$PWD/build/install" >/dev/null
cmake --build build/example
build/example/summarize_file examples/news_article.txt >/dev/null && echo "C++ package example: ok"

"$PYTHON" -m pytest
