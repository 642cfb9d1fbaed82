#!/bin/sh
# `make wheel`: the Python package as a wheel that carries libsluice.so
# (built by CMake in BUILD_DIR) and the shared libraries it links
# (libpg_query, jansson, pcre2; the C library and libm are the system's),
# so `pip install` of the wheel is the whole install.  Built offline with
# Debian's python3-build, python3-setuptools and python3-wheel, from a copy
# of python/ under BUILD_DIR (the source tree stays clean).  Prints the
# wheel's path.
# usage: wheel.sh BUILD_DIR [PYTHON]
set -eu
BUILD=$(cd "$1" && pwd)
PYTHON="${2:-/usr/bin/python3}"
SRC="$(cd "$(dirname "$0")/.." && pwd)/python"
STAGE="$BUILD/wheel-src"
DIST="$BUILD/dist"

[ -f "$BUILD/libsluice.so" ] || { echo "wheel.sh: $BUILD/libsluice.so: build first" >&2; exit 2; }
rm -rf "$STAGE" "$DIST"
mkdir -p "$STAGE/sluice/libs" "$DIST"
cp "$SRC/pyproject.toml" "$SRC/setup.py" "$SRC/README.md" "$STAGE/"
cp "$SRC"/sluice/*.py "$SRC/sluice/py.typed" "$STAGE/sluice/"
cp -L "$BUILD/libsluice.so" "$STAGE/sluice/libsluice.so"
# The libraries libsluice.so needs, by soname, less the C runtime.
NEEDED=$(ldd "$BUILD/libsluice.so")
while read -r soname arrow path _; do
    [ "$arrow" = "=>" ] || continue
    case "$soname" in
    libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*) continue ;;
    esac
    [ -f "$path" ] || { echo "wheel.sh: $soname not found" >&2; exit 2; }
    cp -L "$path" "$STAGE/sluice/libs/$soname"
done <<LIBS
$NEEDED
LIBS
(cd "$STAGE" && "$PYTHON" -m build --no-isolation --wheel --outdir "$DIST" . > "$BUILD/wheel-build.log" 2>&1) \
    || { cat "$BUILD/wheel-build.log" >&2; exit 1; }
ls "$DIST"/sluice-*.whl
