"""The keep and pretty layouts of rewritten SQL, over every rewritten
corpus case and the golden cases beside this file.

For each corpus case under a folder with a rules.json that sluice
rewrites, with each layout:
  * the laid-out SQL means the rewritten query: `sluice fmt` prints the
    same for it as for the compact rewrite;
  * laying out again changes nothing: rewriting the laid-out SQL with the
    same layout passes it through byte for byte;
  * keep: every line of the input that the rewrite left alone (no token
    of it removed or replaced) is still in the output, as it was.
Golden cases: tests/layout/NAME.sql with NAME.keep and NAME.pretty, the
exact output under corpus/guardrails/rules.json.
Writes every laid-out statement to an NDJSON file for the Spark grammar
check.  Usage: check.py SLUICE REPO NDJSON_OUT [--update]
"""
import json
import os
import subprocess
import sys

NOW = "2026-11-24 12:00:00"
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL " + what)


def rewrite(sluice, rules, sql, layout):
    r = subprocess.run([sluice, "rewrite", "--rules", rules, "--now", NOW, "--layout", layout, "-"],
                       input=sql.encode("utf-8", "surrogateescape"), capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", "surrogateescape")


def fmt(sluice, sql):
    r = subprocess.run([sluice, "fmt", "-"], input=sql.encode("utf-8", "surrogateescape"),
                       capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", "surrogateescape")


def cases(repo):
    for root, _, files in sorted(os.walk(os.path.join(repo, "corpus"))):
        rules = None
        d = root
        while d.startswith(os.path.join(repo, "corpus")):
            if os.path.exists(os.path.join(d, "rules.json")):
                rules = os.path.join(d, "rules.json")
                break
            d = os.path.dirname(d)
        if not rules:
            continue
        for f in sorted(files):
            if f.endswith(".sql"):
                yield os.path.join(root, f), rules


def main():
    sluice, repo, ndjson_out = sys.argv[1:4]
    update = "--update" in sys.argv[4:]
    emitted = []
    rewritten = kept_lines = 0
    for path, rules in cases(repo):
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
            sql = f.read()
        rc, compact = rewrite(sluice, rules, sql, "compact")
        if rc != 0 or compact == sql or ";" in compact.rstrip(";"):
            continue            # passed, rejected, or several statements
        rewritten += 1
        name = os.path.relpath(path, repo)
        _, want = fmt(sluice, compact)
        for layout in ("keep", "pretty"):
            rc, out = rewrite(sluice, rules, sql, layout)
            check(rc == 0, "%s: --layout %s rewrites" % (name, layout))
            frc, got = fmt(sluice, out)
            check(frc == 0 and got == want, "%s: --layout %s means the compact rewrite" %
                  (name, layout))
            rc2, again = rewrite(sluice, rules, out, layout)
            check(rc2 == 0 and again == out, "%s: --layout %s again changes nothing" %
                  (name, layout))
            emitted.append({"id": "%s#%s" % (name, layout), "sql": out})
        _, keep = rewrite(sluice, rules, sql, "keep")
        # A line the rewrite left alone (its words, as written, are a run
        # of the compact rewrite's) comes through as the user wrote it.
        flat = " " + " ".join(compact.split()) + " "
        out_lines = keep.splitlines()
        for line in sql.splitlines():
            words = line.split()
            if not words or line.lstrip().startswith("--") or len(sql.splitlines()) < 2:
                continue
            norm = " " + " ".join(words) + " "
            if norm in flat and (" " + " ".join(sql.split()) + " ").count(norm) == 1:
                kept_lines += 1
                check(any(line.rstrip() in o for o in out_lines),
                      "%s: --layout keep keeps the line %r" % (name, line))
    check(rewritten >= 50, "at least 50 rewritten corpus cases (found %d)" % rewritten)
    # Golden cases.
    here = os.path.dirname(os.path.abspath(__file__))
    rules = os.path.join(repo, "corpus", "guardrails", "rules.json")
    golden = 0
    for f in sorted(os.listdir(here)):
        if not f.endswith(".sql"):
            continue
        with open(os.path.join(here, f), encoding="utf-8", newline="") as fh:
            sql = fh.read()
        for layout in ("keep", "pretty"):
            _, out = rewrite(sluice, rules, sql, layout)
            exp = os.path.join(here, f[:-4] + "." + layout)
            if update:
                with open(exp, "w", encoding="utf-8", newline="") as fh:
                    fh.write(out)
            with open(exp, encoding="utf-8", newline="") as fh:
                check(fh.read() == out, "%s: --layout %s matches %s" % (f, layout, exp))
            golden += 1
    with open(ndjson_out, "w", encoding="utf-8") as f:
        for e in emitted:
            f.write(json.dumps(e) + "\n")
    print("layout: %d rewritten corpus cases in two layouts, %d unchanged lines checked, "
          "%d golden outputs, %d failure(s)" % (rewritten, kept_lines, golden, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
