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

"$S" --version > "$T/out"; check version 0 $?
same version-text "$T/out" "sluice 0.1.0"
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

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
