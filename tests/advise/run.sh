#!/bin/sh
# `sluice advise` over tests/advise/export (47 charts of the sales
# dashboards, made by make_export.py) under tests/advise/rules.json:
#   - the proposals of --max 5 and what each answers, in text, JSON and
#     SQL, against the .expected files (exact);
#   - the same input twice gives the same bytes (text, JSON, SQL);
#   - the SQL format's DDL passes the Spark grammar check
#     (tests/spark-grammar/check.cjs, its allow-list: USE CATALOG);
#   - --coverage of declared aggregates (coverage-rules.json);
#   - the mutator's audit log as input, its records counted as weights;
#   - --coverage's hints: exact over hint/ (computed by hand below), and
#     each hint checked by putting its widened aggregate into the rules
#     (hint_loop.py).
# usage: run.sh path/to/sluice [--bless]
S="$1"
case "$S" in /*) ;; *) S="$PWD/$S" ;; esac
BLESS="$2"
cd "$(dirname "$0")" || exit 2
NOW="2026-11-24 12:00:00"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

# check NAME EXPECTED_FILE -- ARGS...: stdout (then stderr, if any)
check() {
    name="$1" want="$2"
    shift 3
    "$S" advise --now "$NOW" "$@" > "$T/out" 2> "$T/err"
    rc=$?
    if [ -s "$T/err" ]; then
        { echo "-- stderr"; cat "$T/err"; } >> "$T/out"
    fi
    echo "-- exit $rc" >> "$T/out"
    if [ "$BLESS" = "--bless" ]; then
        cp "$T/out" "$want"
    fi
    if cmp -s "$T/out" "$want"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: differs from $want:"
        diff "$want" "$T/out" | head -40
    fi
    # The same input again: the same bytes.
    "$S" advise --now "$NOW" "$@" > "$T/again" 2> /dev/null
    if head -n -1 "$T/out" | sed '/^-- stderr$/,$d' | cmp -s - "$T/again"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: a second run differs"
    fi
}

check text advise.expected -- --rules rules.json --max 5 export
check json advise.json.expected -- --rules rules.json --max 5 --format json export
check sql advise.sql.expected -- --rules rules.json --max 5 --format sql export
check max1 advise-max1.expected -- --rules rules.json --max 1 export
check coverage coverage.expected -- --rules coverage-rules.json --coverage export
check coverage-json coverage.json.expected -- --rules coverage-rules.json --coverage \
    --format json export
check audit audit.expected -- --rules rules.json --max 2 audit.jsonl
check hint hint.expected -- --rules hint/rules.json --coverage hint/sql
check hint-json hint.json.expected -- --rules hint/rules.json --coverage --format json hint/sql

# The hints over hint/sql, computed by hand (hint/rules.json stores
# month, region, SUM(amount), COUNT(*)): status added answers the paid
# revenue by month (found twice: weight 2) and the status counts, not
# the status by channel (channel), the mid-month one (its bound cuts a
# month) nor the others: 2 blocks, weight 3.  Channel and status added
# answer those and the status by channel: 3 blocks, weight 4.  A block
# its own widened aggregate still does not answer gets no hint: the
# mid-month one, and the DECIMAL average (decimal_rounding, the fact
# declares no rows).  The daily and the weekly chart need a finer grain
# than month (grain_too_coarse): no hint.
expect_line() {
    if grep -A1 -F "$1" "$T/hint" | tail -n 1 | grep -q -F -x -e "$2"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL hint of $1: wanted: $2"
        grep -A1 -F "$1" "$T/hint"
    fi
}
"$S" advise --now "$NOW" --rules hint/rules.json --coverage hint/sql > "$T/hint"
M="    misses main.sales.revenue_by_month_region:"
expect_line "hint/sql/a_paid_by_month_copy.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]; adding status to it answers 2 blocks, weight 3"
expect_line "hint/sql/b_status_counts.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]; adding status to it answers 2 blocks, weight 3"
expect_line "hint/sql/c_status_by_channel.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]; adding channel and status to it answers 3 blocks, weight 4"
expect_line "hint/sql/d_status_mid_month.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]"
expect_line "hint/sql/e_average_by_region.sql:2:6" \
    "$M avg(...) needs a stored SUM and COUNT of the same expression (condition 12) [measure_missing]"
expect_line "hint/sql/g_items_per_order.sql:2:6" \
    "$M avg(...) needs a stored SUM and COUNT of the same expression (condition 12) [measure_missing]; adding COUNT(quantity) and SUM(quantity) to it answers 1 block, weight 1"
expect_line "hint/sql/h_daily_revenue.sql:2:6" \
    "$M date_trunc('day', ...) cannot be read from a dimension stored at month grain (condition 4) [grain_too_coarse]"
expect_line "hint/sql/i_weekly_orders.sql:2:6" \
    "$M date_trunc('week', ...) cannot be read from a dimension stored at month grain (condition 4) [grain_too_coarse]"

# Over a join (hint-join/: the aggregate joins stores on store_id): the
# fact's column is added qualified, the join key is not (the join reads
# it); the fact read alone is not answered by the inner join widened
# either (J7, J9a), so it gets no hint.
"$S" advise --now "$NOW" --rules hint-join/rules.json --coverage hint-join/sql > "$T/hint"
M="    misses main.sales.revenue_by_day_city:"
expect_line "hint-join/sql/city_by_status.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]; adding t.status to it answers 1 block, weight 1"
expect_line "hint-join/sql/fact_alone_by_status.sql:2:6" \
    "$M column status is not a dimension [not_a_dimension]"

# Every hint, its widened query put into the rules, answers exactly
# the blocks and weight it claims (hint_loop.py).
for args in "coverage-rules.json export" "hint/rules.json hint/sql" \
    "hint-join/rules.json hint-join/sql"; do
    # shellcheck disable=SC2086
    if python3 hint_loop.py "$S" $args > "$T/loop" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL hint loop over $args:"
        cat "$T/loop"
    fi
done

# The DDL, one statement a line, through the Spark grammar check.
"$S" advise --now "$NOW" --rules rules.json --max 5 --format sql export |
    grep -v '^--' | sed 's/;$//' |
    python3 -c 'import json, sys
for i, line in enumerate(sys.stdin):
    print(json.dumps({"id": "advise-%d" % i, "sql": line.rstrip("\n")}))' > "$T/ddl.ndjson"
if [ "$(wc -l < "$T/ddl.ndjson")" -ge 2 ] &&
   node ../spark-grammar/check.cjs "$T/ddl.ndjson" > "$T/grammar" 2>&1; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL spark grammar:"
    cat "$T/grammar"
fi

echo "advise: $pass passed, $fail failed"
[ "$fail" = 0 ]
