"""The attribution comment through sqlglot, the parser Superset runs over a
mutator's output for chart queries (it executes sqlglot's regeneration of
each statement, not the mutator's text).

usage: sqlglot_reparse.py SLUICE

For each query: `sluice rewrite` with the attribution comment on (and every
context field holding the characters that could end a comment or a line),
then sqlglot parses the output (Databricks dialect) and writes it again,
compact and pretty.  The comment must come back exactly, at the head of the
statement, or (the one other outcome allowed: the old sqlglot Debian ships
drops a comment in front of WITH) not at all; either way the rest is what
sqlglot makes of the statement without the comment: the comment changes
nothing else.  Prints "sqlglot: N passed, M failed".
"""
import json
import os
import subprocess
import sys
import tempfile

import sqlglot

SLUICE = sys.argv[1]
RULES = {
    "sluice": 1,
    "defaults": {"catalog": "main", "schema": "sales"},
    "tables": [
        {"match": "main.sales.transactions", "rows": 5000000000,
         "partition": {"column": "transaction_date", "enforce": "inject"}},
        {"match": "main.sales.revenue_by_day_region", "rows": 40000}],
    "aggregates": [{"table": "main.sales.revenue_by_day_region",
                    "query": "SELECT transaction_date AS `date`, region, SUM(amount) AS revenue "
                             "FROM main.sales.transactions GROUP BY transaction_date, region"}],
    "attribution": {"comment": True},
}
EVIL = "x*/ y/*z\n'\"\\"
CONTEXT = {"user": EVIL, "dashboard_id": "12", "chart_id": EVIL, "source": "chart"}
QUERIES = [
    # routed onto the aggregate
    "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
    "WHERE transaction_date >= DATE'2026-11-01' GROUP BY region",
    # unchanged but for the comment
    "SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= '2026-11-20' LIMIT 5",
    # a default window injected
    "SELECT count(*) AS n FROM main.sales.transactions",
    # a WITH query
    "WITH t AS (SELECT customer_id FROM main.sales.transactions "
    "WHERE transaction_date >= '2026-11-20') SELECT customer_id FROM t LIMIT 5",
]

passed = failed = 0


def sluice(args, text):
    r = subprocess.run([SLUICE] + args, input=text, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("sluice %s: %s" % (" ".join(args), r.stderr))
    return r.stdout


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


with tempfile.TemporaryDirectory() as d:
    rules = os.path.join(d, "rules.json")
    with open(rules, "w") as f:
        json.dump(RULES, f)
    for i, q in enumerate(QUERIES):
        out = sluice(["rewrite", "--rules", rules, "--now", "2026-11-24 12:00:00",
                      "--context", json.dumps(CONTEXT)], q)
        comment = out[:out.index("*/") + 2]
        check("%d-comment-head" % i, comment.startswith("/* sluice: user=x%2A%2F%20y") and
              out[len(comment)] == " ", out)
        body = out[len(comment) + 1:]
        for pretty in (False, True):
            meant = sqlglot.parse_one(body, read="databricks").sql(dialect="databricks",
                                                                   pretty=pretty)
            exprs = sqlglot.parse(out, read="databricks")
            check("%d-one-statement" % i, len(exprs) == 1, repr(exprs))
            again = exprs[0].sql(dialect="databricks", pretty=pretty)
            sep = "\n" if pretty else " "
            if again.startswith("/*"):
                check("%d-kept-exactly pretty=%s" % (i, pretty),
                      again.startswith(comment + sep), again)
                rest = again[len(comment) + len(sep):]
            else:
                # dropped: allowed only in front of WITH, and nowhere else
                check("%d-dropped-only-before-with pretty=%s" % (i, pretty),
                      q.startswith("WITH") and "sluice:" not in again, again)
                rest = again
            check("%d-same-query pretty=%s" % (i, pretty), rest == meant,
                  "%r vs %r" % (rest, meant))

print("sqlglot %s: %d passed, %d failed" % (sqlglot.__version__, passed, failed))
sys.exit(1 if failed else 0)
