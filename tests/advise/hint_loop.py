#!/usr/bin/env python3
"""The hints of `sluice advise --coverage`, checked against the rules
they describe.

usage: hint_loop.py SLUICE RULES PATH...

Runs `sluice advise --coverage --format json` over PATH... under RULES;
then, for every distinct hint, writes RULES with the hint's aggregate's
query replaced by the hint's widened query (as a user would) and runs
it again.  The blocks not answered before and answered now must be
exactly as many, and of exactly the weight, as the hint says, and
include every block the hint is shown on; every block answered before
must still be answered.  Prints
"advise-hints: N hints, M blocks checked" and exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

NOW = "2026-11-24 12:00:00"


def coverage(sluice, rules, paths):
    out = subprocess.run([sluice, "advise", "--now", NOW, "--rules", rules, "--coverage",
                          "--format", "json"] + paths, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def key(block):
    s = block["sites"][0]
    return (block["sql"], block["statement"], s["file"], s["line"], s["column"])


def main():
    sluice, rules, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    before = coverage(sluice, rules, paths)
    unanswered = {key(b): b for b in before["unanswered"]}
    hints = {}
    for b in before["unanswered"]:
        h = b.get("hint")
        if h:
            hints.setdefault((h["aggregate"], h["query"]), (h, []))[1].append(key(b))
    with open(rules) as f:
        doc = json.load(f)
    failures = checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for (table, query), (h, shown) in sorted(hints.items()):
            widened = json.loads(json.dumps(doc))
            for agg in widened["aggregates"]:
                if agg["table"] == table:
                    agg["query"] = query
            path = os.path.join(tmp, "rules.json")
            with open(path, "w") as f:
                json.dump(widened, f)
            after = coverage(sluice, path, paths)
            now = {key(b) for agg in after["aggregates"] for b in agg["answers"]}
            lost = [k for agg in before["aggregates"] for b in agg["answers"]
                    for k in [key(b)] if k not in now]
            if lost:
                failures += 1
                print("FAIL hint %s + %s: %d blocks answered before are not answered "
                      "with it" % (table, h["add"], len(lost)))
            newly = [k for k in unanswered if k in now]
            weight = sum(unanswered[k]["weight"] for k in newly)
            checked += len(newly)
            if len(newly) != h["blocks"] or weight != h["weight"] or \
                    not set(shown) <= set(newly):
                failures += 1
                print("FAIL hint %s + %s: says %d blocks, weight %d; the rules with it "
                      "answer %d more, weight %d" % (table, h["add"], h["blocks"], h["weight"],
                                                     len(newly), weight))
    print("advise-hints: %d hints, %d blocks checked, %d wrong" % (len(hints), checked,
                                                                    failures))
    return 1 if failures or not hints else 0


if __name__ == "__main__":
    sys.exit(main())
