#!/bin/sh
# The Python package as a user installs it: the wheel (scripts/wheel.sh)
# into a fresh virtualenv (Debian's python3-venv), offline, then every test
# of python/tests with that virtualenv's interpreter, from a folder outside
# the source tree, with neither PYTHONPATH nor SLUICE_LIBRARY set, so what
# they import is the installed package and the library it carries
# (python/tests/test_package.py checks both).
# usage: venv.sh BUILD_DIR [PYTHON]
set -eu
BUILD=$(cd "$1" && pwd)
PYTHON="${2:-/usr/bin/python3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$BUILD/python-venv"

WHEEL=$(sh "$ROOT/scripts/wheel.sh" "$BUILD" "$PYTHON")
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --no-index --no-deps --disable-pip-version-check "$WHEEL"
cd "$VENV"
unset PYTHONPATH SLUICE_LIBRARY
export SLUICE_TEST_WHEEL="$WHEEL"
exec "$VENV/bin/python" -m unittest discover -s "$ROOT/python/tests" -t "$ROOT/python/tests" -v
