#!/bin/sh
# CLI contract: exit codes, compiler-style errors, help and version.
# usage: cli.sh path/to/sluice
S="$1"
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

check() {   # check NAME EXPECTED_EXIT ACTUAL_EXIT [file-to-compare expected-text]
    if [ "$2" = "$3" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $1: exit $3, expected $2"
    fi
}
same() {    # same NAME FILE EXPECTED
    if [ "$(cat "$2")" = "$3" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $1: got"; cat "$2"; echo "expected"; echo "$3"
    fi
}

bytes() {   # bytes NAME FILE PRINTF-FORMAT: the file holds exactly these bytes
    printf "$3" > "$T/expected-bytes"
    if cmp -s "$2" "$T/expected-bytes"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $1: got"; od -c "$2" | head -5
    fi
}

"$S" --version > "$T/out"; check version 0 $?
same version-text "$T/out" "sluice 0.2.0"
"$S" --help > "$T/out"; check help 0 $?
grep -q "usage: sluice" "$T/out"; check help-text 0 $?
"$S" > /dev/null 2>&1; check no-args 2 $?
"$S" frobnicate > /dev/null 2>&1; check unknown-command 2 $?
"$S" fmt /nonexistent.sql > /dev/null 2> "$T/err"; check missing-file 2 $?
grep -q "/nonexistent.sql" "$T/err"; check missing-file-named 0 $?

printf 'select `A` , a DIV 2 from t\n' | "$S" fmt > "$T/out"; check fmt-ok 0 $?
same fmt-text "$T/out" "SELECT A, a DIV 2 FROM t;"
printf 'select 1' | "$S" fmt --target postgres > "$T/out"; check fmt-pg 0 $?

printf 'SELECT a,\n       b FORM t\n' > "$T/bad.sql"
"$S" fmt "$T/bad.sql" > /dev/null 2> "$T/err"; check syntax-error 1 $?
same syntax-error-text "$T/err" "$T/bad.sql:2:15: error: syntax error at or near \"t\" [syntax]
         b FORM t
                ^"

printf 'SELECT 1' | "$S" parse > "$T/out"; check parse 0 $?
grep -q '"SelectStmt"' "$T/out"; check parse-json 0 $?

# corpus: a mismatch is a failure with a diff; --bless fixes it.
mkdir -p "$T/c"
printf 'SELECT 1' > "$T/c/one.sql"
"$S" corpus "$T/c" > "$T/out"; check corpus-missing-expected 1 $?
"$S" corpus --bless "$T/c" > "$T/out"; check corpus-bless 0 $?
"$S" corpus "$T/c" > "$T/out"; check corpus-pass 0 $?
printf 'SELECT 2' > "$T/c/one.sql"
"$S" corpus "$T/c" > "$T/out"; check corpus-mismatch 1 $?
grep -q '^+SELECT 2$' "$T/out"; check corpus-diff 0 $?

# rewrite and lint with rules
R="$T/rules.json"
printf '{"sluice": 1, "defaults": {"catalog": "main", "schema": "sales"},\n "tables": [{"match": "main.sales.t", "partition": {"column": "d", "max_days": 10}}],\n "limit": {"max": 50}}' > "$R"
printf 'SELECT a FROM u' | "$S" rewrite --rules "$R" > "$T/out" 2> "$T/err"; check rewrite-limit 0 $?
same rewrite-limit-text "$T/out" "SELECT a FROM u LIMIT 50"
printf 'SELECT a FROM u LIMIT 5' | "$S" rewrite --rules "$R" > "$T/out"; check rewrite-pass 0 $?
same rewrite-pass-text "$T/out" "SELECT a FROM u LIMIT 5"
# Pass-through is byte for byte: no newline added, none taken away.
bytes rewrite-pass-no-newline "$T/out" 'SELECT a FROM u LIMIT 5'
printf 'SELECT a FROM u LIMIT 5\n\n' | "$S" rewrite --rules "$R" > "$T/out"; check rewrite-pass-nl 0 $?
bytes rewrite-pass-newlines "$T/out" 'SELECT a FROM u LIMIT 5\n\n'
printf 'SELECT a FROM u' | "$S" rewrite --rules "$R" > "$T/out" 2> /dev/null
bytes rewrite-exact-text "$T/out" 'SELECT a FROM u LIMIT 50'
# A misspelt rule id in an allow comment is reported, not silently ignored.
printf 'SELECT a FROM u -- sluice: allow limit-capp\n' | "$S" lint --rules "$R" - > "$T/out" 2>&1
grep -q "'limit-capp' in \"sluice: allow\" names no rule" "$T/out"; check allow-typo-warned 0 $?
grep -q "LIMIT 50" "$T/out"; check allow-typo-no-effect 0 $?
# An allow comment at the end of a statement's last line applies to it, and only to it.
printf 'SELECT a FROM u ; -- sluice: allow limit-cap\nSELECT b FROM u' | "$S" lint --rules "$R" - > "$T/out" 2>&1
grep -q "1:1: info: the query has no LIMIT" "$T/out"; check allow-trailing-applies 1 $?
grep -q "2:1: info: the query has no LIMIT" "$T/out"; check allow-trailing-only-its-statement 0 $?
printf 'SELECT a FROM t LIMIT 5' | "$S" rewrite --rules "$R" > "$T/out" 2> "$T/err"; check rewrite-reject 1 $?
grep -q "partition-filter" "$T/err"; check rewrite-reject-reason 0 $?
printf 'SELECT a FROM t WHERE d >= current_date() - INTERVAL 3 DAYS LIMIT 5' | "$S" rewrite --rules "$R" --context '{"catalog": "main", "schema": "sales", "now": "2026-11-24"}' > "$T/out"; check rewrite-context 0 $?
printf 'SELECT 1' | "$S" rewrite --rules "$R" --context '{"catalgo": "x"}' > /dev/null 2> "$T/err"; check rewrite-bad-context 2 $?
grep -q "unknown key 'catalgo'" "$T/err"; check rewrite-bad-context-text 0 $?
printf '{"sluice": 1, "limit": {"max": "many"}}' > "$T/bad.json"
printf 'SELECT 1' | "$S" rewrite --rules "$T/bad.json" > /dev/null 2> "$T/err"; check bad-rules 2 $?
same bad-rules-text "$T/err" "sluice rewrite: $T/bad.json:1:25: key 'max': must be an integer >= 1"
mkdir -p "$T/lint/sub"
printf 'SELECT a FROM t LIMIT 5' > "$T/lint/sub/a.sql"
printf 'SELECT a FROM u LIMIT 5' > "$T/lint/b.sql"
"$S" lint --rules "$R" --format json "$T/lint" > "$T/out"; check lint-findings 1 $?
same lint-json "$T/out" "{\"file\":\"$T/lint/sub/a.sql\",\"statement\":0,\"line\":1,\"column\":15,\"rule\":\"partition-filter\",\"severity\":\"error\",\"message\":\"main.sales.t is scanned without a lower bound on its partition column d; add a filter such as WHERE d >= current_date() - INTERVAL 10 DAYS\"}"
printf -- '-- sluice: allow partition-filter\nSELECT a FROM t LIMIT 5' > "$T/lint/sub/a.sql"
"$S" lint --rules "$R" "$T/lint" > "$T/out" 2>&1; check lint-suppressed 0 $?
"$S" lint --format xml x > /dev/null 2>&1; check lint-bad-format 2 $?

# lineage: one object per statement; errors positioned; lint --lineage
printf 'SELECT a FROM u WHERE b > 1' | "$S" lineage --rules "$R" > "$T/out" 2> "$T/err"; check lineage 0 $?
same lineage-text "$T/out" '{"statement":0,"tables":["main.sales.u"],"tables_after":["main.sales.u"],"columns":[{"name":"a","sources":["main.sales.u.a"]}],"used":{"filter":["main.sales.u.b"],"join":[],"group":[],"order":[]},"unresolved":[]}'
same lineage-quiet "$T/err" ""
printf 'SELECT a FROM t LIMIT 5' | "$S" lineage --rules "$R" > "$T/out" 2> "$T/err"; check lineage-rejected 0 $?
same lineage-rejected-text "$T/out" '{"statement":0,"tables":["main.sales.t"],"tables_after":null,"columns":[{"name":"a","sources":["main.sales.t.a"]}],"used":{"filter":[],"join":[],"group":[],"order":[]},"unresolved":[]}'
grep -q "1:15: error: .*\[partition-filter\]" "$T/err"; check lineage-rejected-reason 0 $?
printf 'SELECT a FROM u;\nSELECT FROM WHERE' | "$S" lineage --rules "$R" > "$T/out" 2> "$T/err"; check lineage-syntax 1 $?
sed -n 2p "$T/out" > "$T/line2"
same lineage-syntax-json "$T/line2" '{"statement":1,"error":{"rule":"syntax","message":"syntax error at or near \"WHERE\"","line":2,"column":13}}'
grep -q "^<stdin>:2:13: error: syntax error" "$T/err"; check lineage-syntax-stderr 0 $?
printf 'SELECT 1' | "$S" lineage --context '{"catalgo": "x"}' > /dev/null 2> "$T/err"; check lineage-bad-context 2 $?
same lineage-bad-context-text "$T/err" "sluice lineage: --context: unknown key 'catalgo' (expected catalog, schema, user, groups, now, dashboard_id, chart_id, source, time_zone, fresh_through)"
printf 'SELECT 1' | "$S" lineage --context '{"fresh_through": "2026-11-20"}' > /dev/null 2> "$T/err"; check context-fresh-through-type 2 $?
same context-fresh-through-type-text "$T/err" "sluice lineage: --context: key 'fresh_through' must be an object of aggregate tables and days (strings)"
"$S" lineage --nope > /dev/null 2>&1; check lineage-bad-option 2 $?
"$S" lint --lineage "$T/lint" > /dev/null 2> "$T/err"; check lint-lineage-text 2 $?
same lint-lineage-text-msg "$T/err" "sluice lint: --lineage needs --format json"
mkdir -p "$T/lin"
printf 'SELECT a FROM u LIMIT 5' > "$T/lin/b.sql"
"$S" lint --rules "$R" --format json --lineage "$T/lin" > "$T/out"; check lint-lineage 0 $?
same lint-lineage-json "$T/out" "{\"file\":\"$T/lin/b.sql\",\"statement\":0,\"lineage\":{\"statement\":0,\"tables\":[\"main.sales.u\"],\"tables_after\":[\"main.sales.u\"],\"columns\":[{\"name\":\"a\",\"sources\":[\"main.sales.u.a\"]}],\"used\":{\"filter\":[],\"join\":[],\"group\":[],\"order\":[]},\"unresolved\":[]}}"
printf 'SELECT a FROM t LIMIT 5' > "$T/lin/b.sql"
"$S" lint --rules "$R" --format json --lineage "$T/lin" > "$T/out"; check lint-lineage-finding 1 $?
grep -q '"rule":"partition-filter".*"lineage":{"statement":0,"tables":\["main.sales.t"\],"tables_after":null' "$T/out"; check lint-lineage-finding-json 0 $?

# The scan estimate in lint's JSON: 400 days x 7,750,000,000 bytes.
mkdir -p "$T/budget"
printf "SELECT * FROM main.sales.transactions WHERE transaction_date BETWEEN '2025-10-21' AND '2026-11-24'" > "$T/budget/q.sql"
"$S" lint --rules "$(dirname "$0")/../corpus/budget/rules.json" --now "2026-11-24 12:00:00" --format json "$T/budget" > "$T/out" 2> /dev/null; check lint-budget 1 $?
same lint-budget-json "$T/out" "{\"file\":\"$T/budget/q.sql\",\"statement\":0,\"line\":1,\"column\":15,\"rule\":\"scan-budget\",\"severity\":\"error\",\"message\":\"~3.1 TB over 400 days of main.sales.transactions; the limit is 200 GB; narrow the time range\",\"scan_bytes\":3100000000000}"

# Row filters: lint (no user) names the filtered table and edits nothing;
# rewrite with --context applies the user's filter.
RLS="$(dirname "$0")/../corpus/rls/rules.json"
printf "SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' LIMIT 10" > "$T/rls.sql"
"$S" lint --rules "$RLS" --format json "$T/rls.sql" > "$T/out" 2> /dev/null; check lint-rls 0 $?
same lint-rls-json "$T/out" "{\"file\":\"$T/rls.sql\",\"statement\":0,\"line\":1,\"column\":20,\"rule\":\"row-filter\",\"severity\":\"info\",\"message\":\"main.sales.transactions has 5 row filters: at run time every scan of it reads only the rows of the request's user and groups (default deny), so this query is changed\"}
{\"file\":\"$T/rls.sql\",\"statement\":0,\"line\":1,\"column\":20,\"rule\":\"aggregate-routing\",\"severity\":\"info\",\"message\":\"not routed: main.sales.transactions has row filters for this user, which no aggregate carries\",\"code\":\"rls_not_covered\"}"
"$S" rewrite --rules "$RLS" --context '{"user": "bob", "groups": ["us_sales"]}' "$T/rls.sql" > "$T/out" 2> /dev/null; check rewrite-rls 0 $?
same rewrite-rls-text "$T/out" "SELECT region FROM (SELECT * FROM main.sales.transactions WHERE region = 'US') AS transactions WHERE transaction_date >= DATE '2026-11-01' LIMIT 10"
"$S" rewrite --rules "$RLS" --context '{"groups": "us_sales"}' "$T/rls.sql" > /dev/null 2> "$T/err"; check rewrite-rls-bad-groups 2 $?
same rewrite-rls-bad-groups-text "$T/err" "sluice rewrite: --context: key 'groups' must be an array of strings"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
