#!/usr/bin/env python3
"""The closed loop of `sluice advise`, proven on PostgreSQL.

usage: closed_loop.py SLUICE

Runs `sluice advise --max 5 --format json` over tests/advise/export,
adds every proposal's rules entry to tests/advise/rules.json, and then:

  1. each block the report says a proposal answers is routed onto that
     proposal by `sluice rewrite` under those rules (the
     [aggregate-routing/routed] diagnostic names it);
  2. on PostgreSQL (tests/routing/prove.py's server, data and aggregate
     builder, imported), each such query returns the same column names
     and the same rows as written and as routed, with the proposals'
     defining queries materialised as tables;
  3. the comparison has teeth: one row of the first proposal's table is
     then changed, and the queries answered from it must now differ.

Prints "advise-closed-loop: N claimed, N routed, M wrong answers" and
exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "routing"))
import prove  # noqa: E402


def compare(server, pairs):
    """Run each (name, original, routed) pair; the names that differ."""
    results, err = prove.run_pairs(server, pairs)
    wrong, rows = [], 0
    for (name, a, b), (ra, rb) in zip(pairs, results):
        if not ra[0] or ra != rb:
            wrong.append((name, a, b, ra, rb))
        else:
            rows += len(ra[1])
    if err.strip():
        wrong.append(("PostgreSQL errors", err.strip()[:2000], "", ([], []), ([], [])))
    return wrong, rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    r = subprocess.run([binary, "advise", "--rules", "rules.json", "--now", prove.NOW,
                        "--max", "5", "--format", "json", "export"],
                       cwd=HERE, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("sluice advise failed: " + r.stderr)
    report = json.loads(r.stdout)
    rules = json.load(open(os.path.join(HERE, "rules.json")))
    claimed = []
    for p in report["proposals"]:
        rules["tables"].append(p["rules_entry"]["tables"])
        rules.setdefault("aggregates", []).append(p["rules_entry"]["aggregates"])
        for block in p["answers"]:
            claimed.append((p["table"], block["sql"], block["sites"][0]["file"]))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        rules_path = os.path.join(tmp, "rules.json")
        with open(rules_path, "w") as f:
            json.dump(rules, f)
        pairs, tables, routed = [], [], 0
        for table, sql, where in claimed:
            rc, out, err = prove.sluice(binary, ["rewrite", "--rules", rules_path, "--now",
                                                 prove.NOW], sql)
            want = "routed onto %s " % table
            if rc != 0 or not any(want in line and "[aggregate-routing/routed]" in line
                                  for line in err.split("\n")):
                failed += 1
                print("FAIL %s: claimed by %s but not routed onto it:\n%s" % (where, table, err))
                continue
            routed += 1
            pairs.append((where, prove.to_postgres(binary, sql), prove.to_postgres(binary, out)))
            tables.append(table)
        server = prove.Server()
        try:
            server.start()
            nrows = prove.load_data(server, 7)
            prove.build_aggregates(server, binary, rules_path)
            wrong, rows = compare(server, pairs)
            for name, a, b, ra, rb in wrong:
                print("FAIL %s\n  original: %s\n  routed:   %s\n  original gave %s (%d rows), "
                      "routed gave %s (%d rows)" % (name, a, b, ra[0], len(ra[1]), rb[0],
                                                    len(rb[1])))
            failed += len(wrong)
            print("advise-closed-loop: %d fact rows; %d blocks claimed, %d routed onto their "
                  "proposal, %d result rows compared; %d wrong answers"
                  % (nrows, len(claimed), routed, rows, len(wrong)))
            if not pairs or rows == 0:
                failed += 1
                print("FAIL: nothing was compared")
            # The comparison catches a wrong table: change one stored row of
            # the first proposal and the queries it answers must now differ.
            first = report["proposals"][0]
            column = first["measures"][-1]["name"]
            server.psql("main", "UPDATE %s SET %s = %s + 1 WHERE ctid = (SELECT min(ctid) "
                        "FROM %s WHERE %s IS NOT NULL)"
                        % (first["table"], column, column, first["table"], column))
            broken, _ = compare(server, [p for p, t in zip(pairs, tables)
                                         if t == first["table"]])
            print("advise-closed-loop: with one row of %s changed, %d of its queries differ"
                  % (first["table"], len(broken)))
            if not broken:
                failed += 1
                print("FAIL: a wrong aggregate table went unnoticed")
        finally:
            server.stop()
    print("advise-closed-loop: %s" % ("passed" if not failed else "%d failed" % failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
