#!/usr/bin/env python3
"""docs/routing-reasons.md lists exactly the reason codes of
src/rewrite/route_reasons.h, in the same order and with the same meaning
(backquotes aside), and every code is a lower-case word that appears once.

usage: reasons.py ROOT
Prints "routing-reasons: N codes, M failures".
"""
import re
import sys


def header_rows(text):
    """(code, meaning) of each X(ID, "code", "meaning" "...") row."""
    body = text[text.index("#define ROUTE_REASONS(X)"):]
    body = body[:body.index("typedef enum route_reason")]
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S).replace("\\\n", " ")
    rows = []
    for m in re.finditer(r"X\(\s*[A-Z_]+\s*,\s*\"([^\"]*)\"\s*,((?:\s*\"[^\"]*\")+)\s*\)", body):
        rows.append((m.group(1), "".join(re.findall(r"\"([^\"]*)\"", m.group(2)))))
    return rows


def doc_rows(text):
    section = text[text.index("## The codes"):]
    rows = []
    for line in section.split("\n"):
        m = re.match(r"^\| `([a-z_]+)` \| (.*?) \| (.*?) \|$", line)
        if m:
            rows.append((m.group(1), m.group(2).replace("`", ""), m.group(3)))
    return rows


def main():
    root = sys.argv[1]
    with open(root + "/src/rewrite/route_reasons.h") as f:
        header = header_rows(f.read())
    with open(root + "/docs/routing-reasons.md") as f:
        doc = doc_rows(f.read())
    failures = []
    codes = [c for c, _ in header]
    if len(set(codes)) != len(codes):
        failures.append("a code appears twice in route_reasons.h")
    for c in codes:
        if not re.match(r"^[a-z][a-z_]*$", c):
            failures.append("code %r is not a lower-case word" % c)
    if [c for c, _, _ in doc] != codes:
        failures.append("the codes differ:\n  header: %s\n  doc:    %s"
                        % (codes, [c for c, _, _ in doc]))
    for (c, meaning), (dc, dmeaning, change) in zip(header, doc):
        if c == dc and meaning != dmeaning:
            failures.append("%s: the meaning differs:\n  header: %s\n  doc:    %s"
                            % (c, meaning, dmeaning))
        if not change.strip():
            failures.append("%s: no 'what to change'" % dc)
    if len(codes) < 10:
        failures.append("only %d codes read from the header" % len(codes))
    for f in failures:
        print("FAIL " + f)
    print("routing-reasons: %d codes, %d failures" % (len(codes), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
