#!/usr/bin/env python3
"""How long `sluice advise` takes over 10,000 queries.

usage: bench/advise.py path/to/sluice [N]   (run under the cpu lock;
       `make bench-advise` runs it on build/sluice)

Writes N (default 10,000) distinct Superset-shaped queries over
main.sales.transactions into an audit log (one JSON record per query,
as the mutator writes with audit_sql on; every query differs in its
time range, so none is merged with another), then times
`sluice advise --max 5` over it under tests/advise/rules.json (then
under tests/advise/coverage-rules.json, which declares two aggregates,
and its --coverage) three times each, and prints each run's wall-clock
time and the best; the three runs must give the same bytes.  The shapes: time series at
day, week, month, quarter and year grain, big numbers, tables, with
0-2 of region, channel, status and product_id as dimensions, filters on
status and channel, SUM, COUNT, MIN, MAX and AVG.
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "tests", "advise", "rules.json")
DECLARED = os.path.join(HERE, "..", "tests", "advise", "coverage-rules.json")
# What is timed: the proposals under rules without aggregates (the
# figure docs/advise.md gives), the proposals under rules declaring two
# (one more run of the router: what they already answer), and --coverage
# of those two.
RUNS = [("advise --max 5", RULES, ["--max", "5"]),
        ("advise --max 5, 2 declared", DECLARED, ["--max", "5"]),
        ("advise --coverage", DECLARED, ["--coverage"])]


def query(rnd, i):
    grain = rnd.choice([None, "day", "week", "month", "quarter", "year"])
    dims = rnd.sample(["region", "channel", "status", "product_id"], rnd.choice([0, 1, 1, 2]))
    metrics = rnd.sample(["sum(amount)", "count(*)", "min(amount)", "max(amount)",
                          "avg(amount)"], rnd.choice([1, 2]))
    start = datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 600)
    end = start + datetime.timedelta(days=rnd.randint(1, 200))
    where = ["transaction_date >= TIMESTAMP '%s 00:00:00'" % start,
             "transaction_date < TIMESTAMP '%s 00:00:00'" % end]
    if rnd.random() < 0.3:
        where.append("status = '%s'" % rnd.choice(["paid", "refunded", "pending"]))
    if rnd.random() < 0.3:
        where.append("channel IN ('web', 'app')")
    keys = (["date_trunc('%s', transaction_date)" % grain] if grain else []) + dims
    select = ["%s AS k%d" % (k, n) for n, k in enumerate(keys)]
    select += ["%s AS m%d" % (m, n) for n, m in enumerate(metrics)]
    sql = "SELECT %s\nFROM main.sales.transactions\nWHERE %s" % (", ".join(select),
                                                               " AND ".join(where))
    if keys:
        sql += "\nGROUP BY " + ", ".join(keys)
    return sql + "\nLIMIT 10000"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rnd = random.Random(25)
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "audit.jsonl")
        seen = set()
        with open(log, "w") as f:
            i = 0
            while len(seen) < n:
                sql = query(rnd, i)
                i += 1
                if sql in seen:
                    continue
                seen.add(sql)
                f.write(json.dumps({"action": "pass", "catalog": "main", "schema": "sales",
                                    "sql": sql}) + "\n")
        for label, rules, extra in RUNS:
            best = None
            outputs = set()
            for run in range(3):
                t0 = time.monotonic()
                r = subprocess.run([binary, "advise", "--rules", rules, "--now",
                                    "2026-11-24 12:00:00"] + extra + [log],
                                   capture_output=True, text=True)
                elapsed = time.monotonic() - t0
                if r.returncode != 0:
                    sys.exit("sluice advise failed: " + r.stderr)
                best = elapsed if best is None else min(best, elapsed)
                outputs.add(r.stdout)
                print("advise-bench: %s: run %d: %.2f s" % (label, run + 1, elapsed))
            if len(outputs) != 1:
                sys.exit("sluice advise: the three runs gave different outputs")
            head = r.stdout.split("\n\n")[0]      # the totals
            print("  " + head.replace("\n", "\n  "))
            print("advise-bench: %s: %d queries in %.2f s (best of 3)" % (label, n, best))

if __name__ == "__main__":
    main()
