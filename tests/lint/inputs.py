#!/usr/bin/env python3
"""`sluice lint` on every kind of input it reads.

usage: inputs.py SLUICE RULES LINT_DIR [--update]

LINT_DIR is tests/lint.  Checks, each printing PASS or FAIL:
- the text output over inputs/ (SQL with CRLF and Unicode, chart data
  JSON, YAML in every scalar style, files to skip) and superset-export/
  (a folder as Superset exports it) matches inputs.expected, positions
  included (--update rewrites it);
- a ZIP bundle of the export, with nested folders and a Unicode member
  name, gives the same findings at the same places, named zip/member;
- a folder given with a trailing slash prints paths with one slash;
- an unreadable file and a corrupt ZIP are errors naming the path, the
  rest is still linted, and the exit status is 2;
- YAML and JSON that do not parse are errors with file:line:column;
- --severity sets which findings fail the run; rules in warn mode give
  warnings; --physical-datasets checks a physical dataset.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

NOW = "2026-11-30 12:00:00"
failures = []
passes = 0


def check(ok, what):
    global passes
    if ok:
        passes += 1
        print("PASS " + what)
    else:
        failures.append(what)
        print("FAIL " + what)


def lint(sluice, args, cwd):
    r = subprocess.run([sluice, "lint", "--now", NOW] + args, cwd=cwd, capture_output=True,
                       text=True)
    return r.returncode, r.stdout, r.stderr


def findings(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    sluice, rules, lint_dir = sys.argv[1:4]
    update = "--update" in sys.argv[4:]
    sluice = os.path.abspath(sluice)
    rules = os.path.abspath(rules)

    # 1. Golden text output, positions included.
    rc, out, err = lint(sluice, ["--rules", rules, "inputs", "superset-export"], lint_dir)
    got = "exit %d\n--- stdout\n%s--- stderr\n%s" % (rc, out, err)
    expected_path = os.path.join(lint_dir, "inputs.expected")
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(got)
    with open(expected_path, encoding="utf-8") as f:
        want = f.read()
    check(got == want, "text output over inputs/ and superset-export/ matches inputs.expected")
    if got != want:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                   "inputs.expected", "got"))

    tmp = tempfile.mkdtemp(prefix="sluice-lint-")
    try:
        # 2. The ZIP bundle says what the folder says.
        export = os.path.join(lint_dir, "superset-export")
        bundle = os.path.join(tmp, "dashboard_export.zip")
        with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as z:
            for root, _, files in os.walk(export):
                for name in sorted(files):
                    full = os.path.join(root, name)
                    z.write(full, os.path.relpath(full, export))
            # Nested folders and a Unicode name: a copy of one dataset.
            src = os.path.join(export, "dashboard_export_20261130T120000", "datasets",
                               "examples", "revenue_by_region.yaml")
            z.write(src, "dashboard_export_20261130T120000/datasets/données/région/revenue.yaml")
            z.writestr("dashboard_export_20261130T120000/notes.txt", "not SQL\n")
        rc_f, out_f, _ = lint(sluice, ["--rules", rules, "--format", "json", "superset-export"],
                              lint_dir)
        rc_z, out_z, err_z = lint(sluice, ["--rules", rules, "--format", "json", "--verbose",
                                           bundle], tmp)
        folder = [dict(f, file=f["file"][len("superset-export/"):]) for f in findings(out_f)]
        zipped = findings(out_z)
        prefix = bundle + "/"
        names_ok = all(f["file"].startswith(prefix) for f in zipped)
        zipped = [dict(f, file=f["file"][len(prefix):]) for f in zipped]
        extra = [f for f in zipped if "données/région" in f["file"]]
        plain = [f for f in zipped if "données/région" not in f["file"]]
        check(names_ok and plain == folder and rc_z == rc_f,
              "a ZIP bundle gives the folder's findings, named zip/member")
        same = [dict(f, file="x") for f in folder if f["file"].endswith("revenue_by_region.yaml")]
        check(len(extra) > 0 and [dict(f, file="x") for f in extra] == same,
              "a member in nested folders with a Unicode name is linted")
        check("notes.txt: skipped (not SQL, YAML or JSON)" in err_z,
              "under --verbose, a member that is not SQL is listed with its reason")
        _, _, err_q = lint(sluice, ["--rules", rules, "--format", "json", bundle], tmp)
        check(err_q.splitlines() == [
                  "sluice lint: 4 files checked, 6 skipped (1 not SQL, YAML, JSON or ZIP; 3 with no "
                  "SQL; 1 chart, whose SQL Superset builds when it runs; 1 physical dataset, which "
                  "--physical-datasets checks); 7 findings: 0 errors, 0 warnings, 7 info"],
              "without --verbose, skipped files are counted by kind in the one summary line")

        # 3. Paths as typed.
        rc, out, _ = lint(sluice, ["--rules", rules, "--format", "json", "inputs/"], lint_dir)
        names = {f["file"] for f in findings(out)}
        check(names and all(n.startswith("inputs/") and "//" not in n for n in names),
              "a folder given with a trailing slash prints single slashes")

        # 4. Unreadable inputs.
        d = os.path.join(tmp, "mixed")
        os.mkdir(d)
        with open(os.path.join(d, "ok.sql"), "w") as f:
            f.write("SELECT * FROM main.sales.transactions\n")
        os.symlink("missing-target.sql", os.path.join(d, "gone.sql"))
        with open(os.path.join(d, "corrupt.zip"), "wb") as f:
            f.write(b"PK\x03\x04 this is not a zip archive")
        rc, out, err = lint(sluice, ["--rules", rules, "--format", "json", "mixed"], tmp)
        check(rc == 2 and "mixed/gone.sql: No such file or directory" in err
              and "mixed/corrupt.zip: cannot open ZIP" in err
              and any(f["file"] == "mixed/ok.sql" for f in findings(out)),
              "an unreadable file and a corrupt ZIP are errors with their paths; "
              "the rest is linted")
        rc, _, err = lint(sluice, ["--rules", rules, "no/such/file.sql"], tmp)
        check(rc == 2 and "no/such/file.sql: No such file or directory" in err,
              "a missing path is an error naming it")

        # 5. YAML and JSON that do not parse.
        rc, _, err = lint(sluice, ["--rules", rules, "bad/broken.yaml", "bad/broken.json"],
                          lint_dir)
        check(rc == 2 and "bad/broken.yaml:3:1: error: not valid YAML" in err
              and "bad/broken.json:1:34: error: not valid JSON" in err,
              "YAML and JSON that do not parse are errors at file:line:column")

        # Hostile YAML: nesting that costs libyaml quadratic time, bytes
        # its reader refuses; errors at the byte, never a hang.
        with open(os.path.join(tmp, "deep.yaml"), "w") as f:
            f.write("table_name: x\nsql: " + "[" * 200000 + "]" * 200000 + "\n")
        with open(os.path.join(tmp, "control.yaml"), "wb") as f:
            f.write(b"table_name: x\nsql: SELECT \x01 FROM t\n")
        with open(os.path.join(tmp, "latin1.yaml"), "wb") as f:
            f.write(b"table_name: x\nsql: SELECT 'Z\xfcrich'\n")
        r = subprocess.run([sluice, "lint", "deep.yaml", "control.yaml", "latin1.yaml"], cwd=tmp,
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 2 and "deep.yaml:2:69: error: YAML nested deeper than 64 levels"
              in r.stderr and "control.yaml:2:13: error: not valid YAML: control characters"
              in r.stderr and "latin1.yaml:2:15: error: not valid YAML: invalid" in r.stderr,
              "hostile YAML is an error at its position")

        # 6. Severity threshold, warn mode, physical datasets.
        info_only = os.path.join("superset-export", "dashboard_export_20261130T120000",
                                 "datasets", "examples", "recent_revenue.yaml")
        rc0, _, _ = lint(sluice, ["--rules", rules, info_only], lint_dir)
        rc1, _, _ = lint(sluice, ["--rules", rules, "--severity", "info", info_only], lint_dir)
        check(rc0 == 0 and rc1 == 1, "--severity info fails on info findings, the default does not")
        with open(rules) as f:
            warn_rules = json.load(f)
        for a in warn_rules.get("aggregates", []):
            a["enforce"] = "warn"
        warn_path = os.path.join(tmp, "warn-rules.json")
        with open(warn_path, "w") as f:
            json.dump(warn_rules, f)
        rc0, out, _ = lint(sluice, ["--rules", warn_path, "--format", "json", info_only], lint_dir)
        rc1, _, _ = lint(sluice, ["--rules", warn_path, "--severity", "warning", info_only],
                         lint_dir)
        # The aggregate that could answer it says so; the other one says why
        # not (lint always explains a "warn" aggregate), at info.
        routed = [f for f in findings(out) if f["rule"] == "aggregate-routing" and
                  f.get("code") == "routable"]
        check(routed and all(f["severity"] == "warning" for f in routed) and rc0 == 0 and rc1 == 1,
              "a rule in warn mode gives warnings, which fail the run under --severity warning")
        rc, _, _ = lint(sluice, ["--rules", rules, "--severity", "fatal", info_only], lint_dir)
        check(rc == 2, "an unknown severity is a usage error")
        phys = os.path.join("superset-export", "dashboard_export_20261130T120000", "datasets",
                            "examples", "transactions.yaml")
        rc0, out0, err0 = lint(sluice, ["--rules", rules, "--format", "json", phys], lint_dir)
        rc1, out1, _ = lint(sluice, ["--rules", rules, "--format", "json", "--physical-datasets",
                                     phys], lint_dir)
        pf = [f for f in findings(out1) if f["rule"] == "partition-filter"]
        check(rc0 == 0 and not findings(out0) and "physical dataset 'transactions'" in err0
              and rc1 == 1 and pf and pf[0]["line"] == 1 and pf[0]["column"] == 13,
              "a physical dataset is listed, and checked as SELECT * FROM it on request")

        # 7. The pre-commit hook runs lint on the files it selects.
        import re
        import yaml
        with open(os.path.join(lint_dir, "..", "..", ".pre-commit-hooks.yaml")) as f:
            hooks = yaml.safe_load(f)
        hook = hooks[0]
        pattern = re.compile(hook["files"])
        chosen = [p for p in ["a.sql", "d/x.yaml", "x.yml", "c.json", "b.zip", "n.txt", "sql"]
                  if pattern.search(p)]
        entry = hook["entry"].split()
        r = subprocess.run([sluice] + entry[1:] + ["--rules", rules, "inputs/crlf.sql",
                           "inputs/README.txt"], cwd=lint_dir, capture_output=True, text=True)
        check(hook["id"] == "sluice-lint" and hook["language"] == "system" and
              entry[:2] == ["sluice", "lint"] and
              chosen == ["a.sql", "d/x.yaml", "x.yml", "c.json", "b.zip"] and
              r.returncode == 1 and "inputs/crlf.sql:2:6: error:" in r.stdout,
              ".pre-commit-hooks.yaml selects SQL, YAML, JSON and ZIP files and runs lint")
    finally:
        shutil.rmtree(tmp)

    print("lint-inputs: %d passed, %d failed" % (passes, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
