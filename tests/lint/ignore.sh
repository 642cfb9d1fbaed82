#!/bin/sh
# `sluice lint` leaves alone what .sluiceignore and --exclude exclude
# (gitignore's syntax and precedence), and ends with one summary line.
# Every file below holds a syntax error, so the findings (GitHub format,
# one line each) list exactly the files that were read.
# usage: ignore.sh path/to/sluice
S="$1"
case "$S" in /*) ;; *) S="$PWD/$S" ;; esac
pass=0
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# run NAME EXPECTED_EXIT EXPECTED_OUTPUT -- ARGS...: stdout then stderr
run() {
    name="$1" want_rc="$2" want="$3"
    shift 4
    "$S" lint --format github "$@" > "$T/out" 2> "$T/err"
    rc=$?
    got=$(cat "$T/out"; echo "--"; cat "$T/err")
    if [ "$rc" = "$want_rc" ] && [ "$got" = "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit $rc (expected $want_rc), got:"
        echo "$got"
        echo "expected:"
        echo "$want"
    fi
}

R="$T/repo"
for f in a.sql top-only.sql keep.tmp.sql x.tmp.sql node_modules/pkg/q.sql build/out.sql \
         sub/top-only.sql sub/build docs/draft-1.sql docs/a/b/draft-2.sql docs/a/final.sql \
         dashboards/legacy/old.sql dashboards/2024.sql dashboards/live.sql; do
    mkdir -p "$(dirname "$R/$f")"
    printf 'SELEC 1' > "$R/$f"
done
printf 'not SQL\n' > "$R/notes.txt"
printf '# generated folders\nnode_modules/\nbuild\n\n*.tmp.sql\n!keep.tmp.sql\n/top-only.sql\ndocs/**/draft-*.sql\n' \
    > "$R/.sluiceignore"
printf 'legacy/\n[0-9]*.sql\r\n' > "$R/dashboards/.sluiceignore"
cd "$R" || exit 1

E='syntax::syntax error at or near "SELEC"'
run verbose-walk 1 "::error file=./a.sql,line=1,col=1,title=sluice $E
::error file=./dashboards/live.sql,line=1,col=1,title=sluice $E
::error file=./docs/a/final.sql,line=1,col=1,title=sluice $E
::error file=./keep.tmp.sql,line=1,col=1,title=sluice $E
::error file=./sub/top-only.sql,line=1,col=1,title=sluice $E
sluice lint: 5 file(s), 5 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: note: ./build/: skipped (excluded by .sluiceignore:3: build)
sluice lint: note: ./dashboards/2024.sql: skipped (excluded by ./dashboards/.sluiceignore:2: [0-9]*.sql)
sluice lint: note: ./dashboards/legacy/: skipped (excluded by ./dashboards/.sluiceignore:1: legacy/)
sluice lint: note: ./docs/a/b/draft-2.sql: skipped (excluded by .sluiceignore:8: docs/**/draft-*.sql)
sluice lint: note: ./docs/draft-1.sql: skipped (excluded by .sluiceignore:8: docs/**/draft-*.sql)
sluice lint: note: ./node_modules/: skipped (excluded by .sluiceignore:2: node_modules/)
sluice lint: note: ./notes.txt: skipped (not SQL, YAML, JSON or ZIP)
sluice lint: note: ./sub/build: skipped (excluded by .sluiceignore:3: build)
sluice lint: note: ./top-only.sql: skipped (excluded by .sluiceignore:7: /top-only.sql)
sluice lint: note: ./x.tmp.sql: skipped (excluded by .sluiceignore:5: *.tmp.sql)
sluice lint: 5 files checked, 1 skipped: not SQL, YAML, JSON or ZIP; 5 findings: 5 errors, 0 warnings, 0 info" -- --verbose .

# A folder below the current directory: both files apply, quietly.
run subfolder 1 "::error file=dashboards/live.sql,line=1,col=1,title=sluice $E
sluice lint: 1 file(s), 1 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: 1 file checked; 1 finding: 1 error, 0 warnings, 0 info" -- dashboards

# --exclude comes last: it re-includes and excludes over the files.
run exclude-wins 1 "::error file=./a.sql,line=1,col=1,title=sluice $E
::error file=./keep.tmp.sql,line=1,col=1,title=sluice $E
::error file=./x.tmp.sql,line=1,col=1,title=sluice $E
sluice lint: 3 file(s), 3 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: 3 files checked, 1 skipped: not SQL, YAML, JSON or ZIP; 3 findings: 3 errors, 0 warnings, 0 info" \
    -- --exclude '!x.tmp.sql' --exclude docs/ --exclude 'dashboards' --exclude 'sub/*' ./

# A file named on the command line inside an excluded folder, and an
# excluded folder named by its absolute path: said, never read.
run named-excluded 0 "sluice lint: 0 file(s), 0 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: note: node_modules/pkg/q.sql: skipped (excluded by .sluiceignore:2: node_modules/)
sluice lint: note: $R/build/: skipped (excluded by .sluiceignore:3: build)
sluice lint: 0 files checked; no findings" -- node_modules/pkg/q.sql "$R/build"

# A final "**", '?', a negated set; excluded folders are not walked, so
# docs/a/b is never met.
run globs 0 "sluice lint: 0 file(s), 0 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: note: docs/a/b/: skipped (excluded by --exclude docs/a/**)
sluice lint: note: docs/a/final.sql: skipped (excluded by --exclude docs/a/**)
sluice lint: note: docs/draft-1.sql: skipped (excluded by .sluiceignore:8: docs/**/draft-*.sql)
sluice lint: note: a.sql: skipped (excluded by --exclude ?.sql)
sluice lint: note: keep.tmp.sql: skipped (excluded by --exclude [!a]*.tmp.sql)
sluice lint: 0 files checked; no findings" \
    -- --verbose --exclude 'docs/a/**' --exclude '[!a]*.tmp.sql' --exclude '?.sql' docs a.sql keep.tmp.sql

# Outside the current directory, only patterns without a '/' apply
# (and the folder's own .sluiceignore, had it one).
for f in a.sql x/a.sql node_modules/q.sql; do
    mkdir -p "$(dirname "$T/other/$f")"
    printf 'SELEC 1' > "$T/other/$f"
done
cd "$R/sub" || exit 1
run outside-cwd 1 "::error file=../../other/a.sql,line=1,col=1,title=sluice $E
::error file=../../other/x/a.sql,line=1,col=1,title=sluice $E
sluice lint: 2 file(s), 2 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: 2 files checked; 2 findings: 2 errors, 0 warnings, 0 info" \
    -- --exclude node_modules --exclude /a.sql --exclude x/a.sql ../../other

# Patterns whose stars could each start the rest at many places (the
# matcher remembers the positions that failed): a 30-folder path and a
# 200-letter name, matched and not matched exactly.
D="$T/deep"
P=$(printf 'a/%.0s' $(seq 30))
N=$(printf 'a%.0s' $(seq 200))
mkdir -p "$D/$P" "$D/$N"
printf 'SELEC 1' > "$D/${P}q.sql"
printf 'SELEC 1' > "$D/$N/q.sql"
cd "$D" || exit 1
run stars 1 "::error file=./${N}/q.sql,line=1,col=1,title=sluice $E
sluice lint: 1 file(s), 1 error(s), 0 warning(s), 0 notice(s)
--
sluice lint: 1 file checked; 1 finding: 1 error, 0 warnings, 0 info" \
    -- --exclude '**/**/**/**/**/**/**/**/**/**/a/q.sql' --exclude '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b' .

cd "$T" || exit 1
"$S" lint --exclude '# only a comment' x.sql > /dev/null 2> "$T/err"
rc=$?
if [ "$rc" = 2 ] && [ "$(cat "$T/err")" = "sluice lint: --exclude '# only a comment' holds no pattern" ]; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL exclude-empty: exit $rc"; cat "$T/err"
fi

echo "lint-ignore: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
