#!/bin/sh
# What `make demo` shows: sluice on the shipped rules and corpus.
set -eu
SLUICE="${1:-build/sluice}"
RULES=rules/example.json
NOW="2026-11-24 12:00:00"

echo "== sluice $($SLUICE --version | cut -d' ' -f2): the regression corpus"
$SLUICE corpus corpus | tail -1

rewrite() {
    echo
    echo "== $1"
    cat "$1"
    echo "-- sluice rewrite --rules $RULES:"
    if $SLUICE rewrite --rules "$RULES" --now "$NOW" "$1"; then
        echo; echo "(exit 0: run the SQL above)"
    else
        echo "(exit 1: rejected)"
    fi
}
rewrite corpus/guardrails/legit-virtual-table-time-filter-outside.sql
rewrite corpus/guardrails/rewrite-web-events-no-time-range-chart.sql
rewrite corpus/guardrails/bypass-or-one-equals-one.sql
rewrite corpus/guardrails/bypass-stacked-drop-table.sql
rewrite corpus/routing/route-4-superset-time-series.sql
rewrite corpus/routing/example/route-j8-superset-revenue-by-day-category.sql
rewrite corpus/routing/example/refuse-j8-filter-on-product-column-not-stored.sql

echo
echo "== sluice fmt: Spark syntax through the dialect bridge"
cat corpus/bridge/lambda-nested.sql
$SLUICE fmt corpus/bridge/lambda-nested.sql

echo
echo "== sluice lineage: the tables a routed chart query reads, before and after, and each column's base columns"
cat corpus/routing/route-4-superset-time-series.sql
$SLUICE lineage --rules "$RULES" --context "{\"now\": \"$NOW\"}" corpus/routing/route-4-superset-time-series.sql

echo
echo "== sluice lint over the Superset chart corpus (summary)"
$SLUICE lint --rules "$RULES" --now "$NOW" corpus/superset > /dev/null || true

echo
echo "== a syntax error, reported against the original text"
printf 'SELECT `Region`, sum(amount) AS `SUM(amount)`\nFROM main.sales.transactions\nWHERE transaction_date >= current_date() - INTERVAL 30 DAYS\nGROUP BY `Region` ORDER BY 2 DESC LIMT 10\n' | $SLUICE fmt - || true
