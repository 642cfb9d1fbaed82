#!/usr/bin/env python3
"""`sluice lint` says the same thing in every format.

usage: formats.py SLUICE RULES PATH...

Runs lint over the PATHs in text, json, sarif and github formats and checks
that each lists the same findings: (file, line, column, rule, severity,
message), in the same order; that the SARIF log is a 2.1.0 log whose
results name rules the driver lists, and that GitHub commands escape what
GitHub requires.  Prints "lint-formats: N passed, M failed".
"""
import json
import re
import subprocess
import sys
import urllib.parse


def run(sluice, rules, paths, fmt):
    r = subprocess.run([sluice, "lint", "--rules", rules, "--now", "2026-11-24 12:00:00",
                        "--format", fmt] + paths, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def from_text(out):
    rows = []
    for line in out.split("\n"):
        m = re.match(r"^(.*?):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$", line)
        if m:
            rows.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(6),
                         m.group(4), m.group(5)))
    return rows


def from_json(out):
    rows = []
    for line in out.split("\n"):
        if line.strip():
            j = json.loads(line)
            rows.append((j["file"], j["line"], j["column"], j["rule"], j["severity"], j["message"]))
    return rows


LEVEL = {"error": "error", "warning": "warning", "note": "info", "notice": "info"}


def from_sarif(out, failures):
    log = json.loads(out)
    if log.get("version") != "2.1.0" or len(log.get("runs", [])) != 1:
        failures.append("sarif: not a 2.1.0 log with one run")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    for key in ("name", "version"):
        if not driver.get(key):
            failures.append("sarif: driver has no %s" % key)
    for r in driver["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            if not r.get(key, {}).get("text"):
                failures.append("sarif: rule %s has no %s" % (r["id"], key))
    rows = []
    for res in run["results"]:
        if ids[res["ruleIndex"]] != res["ruleId"]:
            failures.append("sarif: ruleIndex does not match ruleId %s" % res["ruleId"])
        loc = res["locations"][0]["physicalLocation"]
        rows.append((urllib.parse.unquote(loc["artifactLocation"]["uri"]), loc["region"]["startLine"],
                     loc["region"]["startColumn"], res["ruleId"], LEVEL[res["level"]],
                     res["message"]["text"]))
    return rows


def unescape(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace(
        "%2C", ",").replace("%25", "%")


def from_github(out, failures):
    rows = []
    summary = False
    for line in out.split("\n"):
        m = re.match(r"^::(error|warning|notice) (.*?)::(.*)$", line)
        if m:
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            for v in props.values():
                if ":" in v or "," in v:
                    failures.append("github: unescaped property %r" % v)
            title = unescape(props["title"])
            rows.append((unescape(props["file"]), int(props["line"]), int(props["col"]),
                         title.split(" ", 1)[1], LEVEL[m.group(1)], unescape(m.group(3))))
        elif re.match(r"^sluice lint: \d+ file\(s\), \d+ error\(s\), \d+ warning\(s\), "
                      r"\d+ notice\(s\)$", line):
            summary = True
    if not summary:
        failures.append("github: no summary line")
    return rows


def main():
    sluice, rules, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []
    outputs = {fmt: run(sluice, rules, paths, fmt) for fmt in ("text", "json", "sarif", "github")}
    codes = {fmt: o[0] for fmt, o in outputs.items()}
    if len(set(codes.values())) != 1:
        failures.append("exit codes differ: %s" % codes)
    text = from_text(outputs["text"][1])
    lists = {"json": from_json(outputs["json"][1]),
             "sarif": from_sarif(outputs["sarif"][1], failures),
             "github": from_github(outputs["github"][1], failures)}
    if not text:
        failures.append("no findings: the check compares nothing")
    for fmt, rows in lists.items():
        norm = [(f[2:] if f.startswith("./") else f,) + r[1:] for r in rows for f in [r[0]]]
        base = [(f[2:] if f.startswith("./") else f,) + r[1:] for r in text for f in [r[0]]]
        if norm != base:
            failures.append("%s differs from text:\n  text:  %s\n  %s: %s" % (fmt, base, fmt, norm))
    for f in failures:
        print("FAIL " + f)
    passed = 4 - len([f for f in failures if " differs from text" in f])
    print("lint-formats: %d findings in each of 4 formats; %d passed, %d failed"
          % (len(text), passed if not failures else 0, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
