#!/bin/sh
# Install what building and testing sluice needs, from Debian packages.
# Idempotent: installs only what is missing.  Run as root (or via sudo).
set -eu

# postgresql and python3: the aggregate-routing proof runs both queries on a
# throwaway PostgreSQL server (tests/routing/prove.py); python3 also runs
# the binding's tests.  clang: libFuzzer (make fuzz).  libyaml and libzip:
# `sluice lint` reads Superset's YAML exports and ZIP bundles; python3-yaml
# writes YAML in every scalar style for the lint position test.
# postgresql-server-dev-15: PostgreSQL's parse-node structs (headers only),
# which src/pgtree.c reads straight from libpg_query's parser.
# python3-build, -setuptools, -wheel: `make wheel` builds the Python
# package offline; python3-venv: `make test` installs it into a fresh
# virtualenv; mypy checks its type hints.  python3-sqlglot: the parser
# Superset runs over a mutator's output; tests/attribution checks what it
# does with the attribution comment.  tzdata: the session time zones'
# offsets (src/zones.c reads /usr/share/zoneinfo).
PACKAGES="build-essential cmake pkg-config re2c libpg-query-dev postgresql-server-dev-15 libpcre2-dev libjansson-dev libyaml-dev libzip-dev check valgrind postgresql python3 python3-yaml python3-build python3-setuptools python3-wheel python3-venv python3-sqlglot mypy clang tzdata"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
# Node.js and npm run the independent Spark grammar check; a machine may
# already have them from another source (a nodejs build that bundles npm).
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The grammar checker's npm dependencies (pinned by package-lock.json).
GRAMMAR_DIR="$(dirname "$0")/../tests/spark-grammar"
if [ ! -f "$GRAMMAR_DIR/build/spark-sql.cjs" ]; then
    (cd "$GRAMMAR_DIR" && npm ci --no-audit --no-fund --loglevel=error && npm run -s build)
fi

# The SARIF check's validator and the published SARIF 2.1.0 schema.
SARIF_DIR="$(dirname "$0")/../tests/lint/sarif"
if [ ! -d "$SARIF_DIR/node_modules/@microsoft/sarif-multitool-linux" ]; then
    (cd "$SARIF_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The rules-schema check's validator (ajv, pinned by package-lock.json).
SCHEMA_DIR="$(dirname "$0")/../tests/rules-schema"
if [ ! -d "$SCHEMA_DIR/node_modules/ajv" ]; then
    (cd "$SCHEMA_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
