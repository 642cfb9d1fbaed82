#!/bin/sh
# SARIF output of `sluice lint` over every lint fixture, an empty run
# included, validated against the published SARIF 2.1.0 schema.
# usage: run.sh SLUICE RULES LINT_DIR OUT_DIR
set -u
sluice=$1 rules=$2 lint=$3 out=$4
mkdir -p "$out"
logs=""
for d in cases inputs superset-export; do
    "$sluice" lint --rules "$rules" --now "2026-11-30 12:00:00" --format sarif "$lint/$d" \
        > "$out/$d.sarif" 2>/dev/null
    logs="$logs $out/$d.sarif"
done
printf 'SELECT 1 LIMIT 1\n' > "$out/clean.sql"
"$sluice" lint --rules "$rules" --format sarif "$out/clean.sql" > "$out/clean.sarif"
exec node "$lint/sarif/check.cjs" $logs "$out/clean.sarif"
