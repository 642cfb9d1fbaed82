#!/bin/sh
# What `make demo` shows: sluice on the shipped corpus and a few queries.
set -eu
SLUICE="${1:-build/sluice}"

echo "== sluice $($SLUICE --version | cut -d' ' -f2): regression corpus"
$SLUICE corpus corpus | tail -1

show() {
    echo
    echo "== $1"
    echo "-- input:"
    cat "$1"
    echo "-- sluice fmt:"
    $SLUICE fmt "$1" || true
}
show corpus/superset/timeseries-grain-day.sql
show corpus/bridge/lambda-nested.sql
show corpus/bridge/lateral-view-outer.sql
show corpus/unsupported/pivot.sql

echo
echo "== a syntax error, reported against the original text"
printf 'SELECT `Region`, sum(amount) AS `SUM(amount)`\nFROM main.sales.transactions\nWHERE transaction_date >= current_date() - INTERVAL 30 DAYS\nGROUP BY `Region` ORDER BY 2 DESC LIMT 10\n' | $SLUICE fmt - || true
