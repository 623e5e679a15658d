#!/usr/bin/env bash
# Installs what synopsis needs on Debian 12 (as root) and the package itself.
# Safe to run again: packages already present are skipped.
#
#   bash scripts/install.sh [pip options]   # Debian packages, then pip install .
#   bash scripts/install.sh --test-deps     # Debian packages and the test tools only (scripts/test.sh):
#                                           # ccache, clang and its sanitizer runtimes
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(build-essential cmake ninja-build python3 python3-dev python3-pip python3-venv
              libeigen3-dev libicu-dev libstemmer-dev libgumbo-dev libgtest-dev)
[ "${1:-}" = "--test-deps" ] && APT_PACKAGES+=(ccache clang libclang-rt-14-dev)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "== installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "== Debian packages: all present (${APT_PACKAGES[*]})"
fi
[ "${1:-}" = "--test-deps" ] && exit 0

PYTHON="${PYTHON:-python3}"
export PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}"
command -v ccache >/dev/null && export CMAKE_ARGS="${CMAKE_ARGS:-} -DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
echo "== pip install . (builds the C++ core and the module: a few minutes; progress below)"
# pip -v shows the build's own messages; only CMake's findings and ninja's steps are kept.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$PYTHON" -m pip install -v "$@" . >"$log" 2>&1 </dev/null &
pid=$!
tail -n +1 -f --pid="$pid" "$log" | grep -E --line-buffered '^ *(-- synopsis|\[[0-9]+/[0-9]+\]|\*\*\* )' |
  sed -u 's/^ *//' || true
if ! wait "$pid"; then
  echo "pip install failed; its last lines:"
  tail -n 40 "$log"
  exit 1
fi
"$PYTHON" -c "import synopsis; print('== installed synopsis', synopsis.__version__, 'in', synopsis.__path__[0])"
