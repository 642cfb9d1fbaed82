#!/usr/bin/env python3
"""`sluice lint` says the same thing in every format.

usage: formats.py SLUICE RULES PATH...

Runs lint over the PATHs in text, json, sarif and github formats, without
and with --explain, and checks that each lists the same findings: (file,
line, column, rule, severity, message, code, rows saved), in the same
order; that the SARIF log is a 2.1.0 log whose results name rules the
driver lists, and that GitHub commands escape what GitHub requires.  Each
format must show the reason codes of two known findings exactly: the
routed query of route-1-plain-group-by.sql ("routed", 4,999,960,000 rows
saved: the rules' 5,000,000,000 of the fact minus 40,000 of the
aggregate) and, under --explain, the refusals of
route-refused-not-a-dimension.sql ("not_a_dimension", once for each of the
rules' two aggregates of the fact).  Prints
"lint-formats: N passed, M failed".

Where the code and the estimate are: text and GitHub write the id as
"rule/code" and end the message with " (estimated rows saved: N)"; JSON
has "code" and "rows_saved" keys (when the finding has them); SARIF has
them in the result's "properties".
"""
import json
import re
import subprocess
import sys
import urllib.parse


def run(sluice, rules, paths, fmt, explain):
    r = subprocess.run([sluice, "lint", "--rules", rules, "--now", "2026-11-24 12:00:00",
                        "--format", fmt] + (["--explain"] if explain else []) + paths,
                       capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


SAVED = re.compile(r"^(.*) \(estimated rows saved: (\d+)\)$", re.S)


def split_tag_message(tag, message):
    """(rule, message, code, rows saved) of a text form's "rule/code" and
    message with its estimate."""
    rule, _, code = tag.partition("/")
    m = SAVED.match(message)
    if m:
        message, saved = m.group(1), int(m.group(2))
    else:
        saved = None
    return rule, message, code or None, saved


def from_text(out):
    rows = []
    for line in out.split("\n"):
        m = re.match(r"^(.*?):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+(?:/[a-z_]+)?)\]$",
                     line)
        if m:
            rule, message, code, saved = split_tag_message(m.group(6), m.group(5))
            rows.append((m.group(1), int(m.group(2)), int(m.group(3)), rule,
                         m.group(4), message, code, saved))
    return rows


def from_json(out):
    rows = []
    for line in out.split("\n"):
        if line.strip():
            j = json.loads(line)
            rows.append((j["file"], j["line"], j["column"], j["rule"], j["severity"], j["message"],
                         j.get("code"), j.get("rows_saved")))
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
        props = res.get("properties", {})
        if "properties" in res and not props:
            failures.append("sarif: an empty property bag")
        rows.append((urllib.parse.unquote(loc["artifactLocation"]["uri"]), loc["region"]["startLine"],
                     loc["region"]["startColumn"], res["ruleId"], LEVEL[res["level"]],
                     res["message"]["text"], props.get("code"), props.get("rows_saved")))
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
            rule, message, code, saved = split_tag_message(title.split(" ", 1)[1],
                                                           unescape(m.group(3)))
            rows.append((unescape(props["file"]), int(props["line"]), int(props["col"]),
                         rule, LEVEL[m.group(1)], message, code, saved))
        elif re.match(r"^sluice lint: \d+ file\(s\), \d+ error\(s\), \d+ warning\(s\), "
                      r"\d+ notice\(s\)$", line):
            summary = True
    if not summary:
        failures.append("github: no summary line")
    return rows


# Findings each format must show exactly: (file name, line, column) ->
# [(rule, code, rows saved)], without and with --explain.
KNOWN = {
    False: {("route-1-plain-group-by.sql", 2, 6): [("aggregate-routing", "routed", 4999960000)]},
    True: {("route-refused-not-a-dimension.sql", 2, 6):
           [("aggregate-routing", "not_a_dimension", None)] * 2},
}


def compare(sluice, rules, paths, explain, failures):
    """Findings per format for one run; returns how many text listed."""
    what = " (--explain)" if explain else ""
    outputs = {fmt: run(sluice, rules, paths, fmt, explain)
               for fmt in ("text", "json", "sarif", "github")}
    codes = {fmt: o[0] for fmt, o in outputs.items()}
    if len(set(codes.values())) != 1:
        failures.append("exit codes differ%s: %s" % (what, codes))
    text = from_text(outputs["text"][1])
    lists = {"text": text,
             "json": from_json(outputs["json"][1]),
             "sarif": from_sarif(outputs["sarif"][1], failures),
             "github": from_github(outputs["github"][1], failures)}
    if not text:
        failures.append("no findings%s: the check compares nothing" % what)
    base = [(f[2:] if f.startswith("./") else f,) + r[1:] for r in text for f in [r[0]]]
    for fmt, rows in lists.items():
        norm = [(f[2:] if f.startswith("./") else f,) + r[1:] for r in rows for f in [r[0]]]
        if fmt != "text" and norm != base:
            failures.append("%s differs from text%s:\n  text:  %s\n  %s: %s"
                            % (fmt, what, base, fmt, norm))
        for (name, line, column), want in KNOWN[explain].items():
            got = [(r[3], r[6], r[7]) for r in rows
                   if r[0].endswith("/" + name) and r[1:3] == (line, column)]
            if got != want:
                failures.append("%s%s: %s:%d:%d shows %s, not %s"
                                % (fmt, what, name, line, column, got, want))
    return len(text)


def main():
    sluice, rules, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []
    n = compare(sluice, rules, paths, False, failures)
    n_explain = compare(sluice, rules, paths, True, failures)
    for f in failures:
        print("FAIL " + f)
    print("lint-formats: %d findings (%d with --explain) in each of 4 formats; %d failed"
          % (n, n_explain, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
