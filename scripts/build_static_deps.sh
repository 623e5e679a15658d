#!/usr/bin/env bash
# Builds the static, position-independent libraries a release wheel links (ICU, libstemmer,
# gumbo; Eigen's headers) from their release sources into PREFIX. cibuildwheel runs it
# before the wheels (pyproject.toml, [tool.cibuildwheel]) in the manylinux images and on
# macOS, where no distribution package ships these archives compiled with -fPIC (Debian's
# .a files are -fPIE: cmake/icu_static_shim.cpp covers that for local builds).
# MACOSX_DEPLOYMENT_TARGET and ARCHFLAGS, when set, apply to every library.
#
#   bash scripts/build_static_deps.sh PREFIX
#
# Not run in this repository's CI (no container registry there): written to be run by
# cibuildwheel; check its first release run.
set -euo pipefail
PREFIX="${1:?usage: build_static_deps.sh PREFIX}"
ICU_VERSION=74.2
SNOWBALL_VERSION=2.2.0
GUMBO_VERSION=0.10.1
EIGEN_VERSION=3.4.0
JOBS="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$PREFIX/include" "$PREFIX/lib"
export CFLAGS="-O2 -fPIC ${ARCHFLAGS:-}" CXXFLAGS="-O2 -fPIC ${ARCHFLAGS:-}"
fetch() { curl -fsSL --retry 3 "$1" | tar -xz -C "$WORK"; }

echo "== ICU $ICU_VERSION (static, PIC; common, i18n and data only)"
fetch "https://github.com/unicode-org/icu/releases/download/release-${ICU_VERSION/./-}/icu4c-${ICU_VERSION/./_}-src.tgz"
(cd "$WORK/icu/source" &&
  ./configure --prefix="$PREFIX" --enable-static --disable-shared --disable-tests --disable-samples \
              --disable-extras --disable-icuio --disable-layoutex --with-data-packaging=static \
              >/dev/null &&
  make -j"$JOBS" >/dev/null && make install >/dev/null)

echo "== libstemmer (Snowball $SNOWBALL_VERSION)"
fetch "https://github.com/snowballstem/snowball/archive/refs/tags/v${SNOWBALL_VERSION}.tar.gz"
(cd "$WORK/snowball-$SNOWBALL_VERSION" && make -j"$JOBS" CFLAGS="$CFLAGS -Iinclude" libstemmer.a >/dev/null &&
  cp libstemmer.a "$PREFIX/lib/" && cp include/libstemmer.h "$PREFIX/include/")

echo "== gumbo $GUMBO_VERSION"
fetch "https://github.com/google/gumbo-parser/archive/refs/tags/v${GUMBO_VERSION}.tar.gz"
(cd "$WORK/gumbo-parser-$GUMBO_VERSION/src" && for c in *.c; do ${CC:-cc} $CFLAGS -std=c99 -c "$c"; done &&
  ar rcs "$PREFIX/lib/libgumbo.a" ./*.o && cp gumbo.h tag_enum.h "$PREFIX/include/")

echo "== Eigen $EIGEN_VERSION (headers)"
fetch "https://gitlab.com/libeigen/eigen/-/archive/${EIGEN_VERSION}/eigen-${EIGEN_VERSION}.tar.gz"
cmake -S "$WORK/eigen-$EIGEN_VERSION" -B "$WORK/eigen-build" -DCMAKE_INSTALL_PREFIX="$PREFIX" \
      -DBUILD_TESTING=OFF -DEIGEN_BUILD_DOC=OFF >/dev/null
cmake --install "$WORK/eigen-build" >/dev/null
echo "static dependencies in $PREFIX"
