#!/usr/bin/env python3
"""Row-level security, proven on a real database.

usage: prove.py SLUICE RULES [--generated N] [--seed S]

Starts a throwaway PostgreSQL (tests/routing/prove.py's Server and data:
the fact table main.sales.transactions with NULL regions, several
channels and statuses, and main.sales.products), and for each of several
users (groups, a {{user}} filter, a quote in the name, a bypass group,
the deny default) builds views holding only the rows that user may see,
computed here from RULES independently of sluice (Superset's group_key
rule: filters with one key ORed, the rest ANDed).  Then N generated
Superset-shaped queries -- the table at every place a scan can be (FROM,
joins of every kind, self-joins, CTEs, a CTE named like the table,
derived tables, IN / EXISTS / scalar subqueries, UNION branches), named
every way (three, two, one part, backticks, IDENTIFIER('...'), with and
without alias, columns qualified by the table's full name) -- run twice
per user: as sluice rewrites them for the user, over the real tables,
and as written over the user's views.  Both must return the same column
names and the same multiset of rows; a row the rewrite returns that the
views do not is a leak.

Prints how many comparisons ran, the rows compared, and a closing line
"rls-proof: N passed, M failed, L leaks".  Exits 1 on any difference.
"""
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "routing"))
from prove import Server, load_data, to_postgres, run_pairs  # noqa: E402

NOW = "2026-11-24 12:00:00"

# (user, groups): every kind of policy the rules give.
USERS = [
    ("nora", ["g_north"]),                   # one group
    ("sam", ["g_north", "g_south"]),         # two groups, one key: OR
    ("nick", ["g_north", "g_noweb"]),        # two keys: AND
    ("paid", []),                            # {{user}} (status = 'paid')
    ("pending", ["g_south", "viewer"]),      # {{user}} AND a group
    ("o'brien", ["viewer"]),                 # named by no filter: deny; a quote
    ("root", ["g_north", "Admin"]),          # bypass
    ("toys", ["g_toys"]),                    # products filter only; transactions deny
]

TABLES = {"transactions": "main.sales.transactions", "products": "main.sales.products"}


# ---------------------------------------------------------------------------
# The allowed rows, from the rules (independently of sluice)

def allowed_predicate(rules, table, user, groups):
    """The PostgreSQL condition of the rows user may see in table, or None
    for every row."""
    rf = rules["row_filters"]
    fs = [f for f in rf["filters"] if f["table"] == table]
    if not fs or set(groups) & set(rf.get("bypass", [])):
        return None
    mine = [f for f in fs if user in f.get("users", []) or "*" in f.get("users", [])
            or set(groups) & set(f.get("groups", []))]
    if not mine:
        return "FALSE" if rf.get("default") == "deny" else None
    quoted = "'" + user.replace("'", "''") + "'"
    text = lambda f: "(" + f["predicate"].replace("{{user}}", quoted) + ")"
    keyed, ands = {}, []
    for f in mine:
        if f.get("group_key"):
            keyed.setdefault(f["group_key"], []).append(text(f))
        else:
            ands.append(text(f))
    ands += ["(" + " OR ".join(v) + ")" for v in keyed.values()]
    return " AND ".join(ands)


def make_views(server, rules, k, user, groups):
    schema = "u%d" % k
    stmts = ["CREATE SCHEMA %s" % schema]
    for short, full in TABLES.items():
        pred = allowed_predicate(rules, full, user, groups)
        stmts.append("CREATE VIEW %s.%s AS SELECT * FROM sales.%s%s"
                     % (schema, short, short, "" if pred is None else " WHERE " + pred))
    server.psql("main", ";\n".join(stmts))
    return schema


# ---------------------------------------------------------------------------
# Generated queries: "{T}" and "{P}" stand for the tables; the sluice text
# gets a spelling of the real table, the reference text the user's view.

T_SPELLINGS = ["main.sales.transactions", "sales.transactions", "transactions",
               "`main`.`sales`.`transactions`", "IDENTIFIER('main.sales.transactions')"]
P_SPELLINGS = ["main.sales.products", "sales.products", "products",
               "IDENTIFIER('main.sales.products')"]

DIMS = ["region", "channel", "status", "transaction_date", "customer_id",
        "date_trunc('month', transaction_date)", "coalesce(region, 'none')"]
METRICS = ["sum(amount)", "count(*)", "count(amount)", "min(amount)", "max(amount)",
           "count(DISTINCT region)"]


def gen_filter(rnd, q=""):
    day = "2026-%02d-%02d" % (rnd.randint(1, 11), rnd.randint(1, 28))
    return rnd.choice([
        "%stransaction_date >= DATE '%s'" % (q, day),
        "%sregion IN ('north', 'east')" % q,
        "%samount > %d" % (q, rnd.randint(0, 300)),
        "%schannel = 'web'" % q,
        "%sregion IS NULL" % q,
        "%sstatus <> 'refunded'" % q,
        "(%sregion = 'north' OR %samount < 100)" % (q, q),
    ])


def gen_query(rnd):
    """A query over {T} (and {P}): its text with the placeholders."""
    dim = rnd.choice(DIMS)
    metric = rnd.choice(METRICS)
    f = gen_filter(rnd)
    shape = rnd.randrange(16)
    alias = rnd.choice(["", " AS t", " t", " AS transactions"])
    a = alias.split()[-1] + "." if alias else ""
    if shape == 0:      # Superset's aggregate chart
        return ("SELECT %s AS d, %s AS m FROM {T}%s WHERE %s GROUP BY %s"
                % (dim, metric, alias, gen_filter(rnd, a), dim))
    if shape == 1:      # table chart / samples
        return "SELECT %sregion, %samount, %sstatus FROM {T}%s WHERE %s" % (a, a, a, alias, gen_filter(rnd, a))
    if shape == 2:      # join to a dimension, filtered too
        jt = rnd.choice(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"])
        return ("SELECT p.category, %s AS m FROM {T} t %s {P} p ON t.product_id = p.product_id "
                "GROUP BY p.category" % (metric.replace("amount", "t.amount")
                                         .replace("region", "t.region"), jt))
    if shape == 3:      # self-join
        return ("SELECT a.region, count(*) AS n FROM {T} a JOIN {T} b ON a.customer_id = "
                "b.customer_id AND a.transaction_date = b.transaction_date GROUP BY a.region")
    if shape == 4:      # CTE (named like the table, or not)
        name = rnd.choice(["transactions", "c"])
        return ("WITH %s AS (SELECT * FROM {T} WHERE %s) SELECT %s AS d, count(*) AS n "
                "FROM %s GROUP BY %s" % (name, f, dim, name, dim))
    if shape == 5:      # derived table (Superset's virtual dataset)
        return ("SELECT d, sum(m) AS m FROM (SELECT %s AS d, amount AS m FROM {T} WHERE %s) "
                "AS virtual_table GROUP BY d" % (dim, f))
    if shape == 6:      # IN subquery
        return ("SELECT p.product_id, p.category FROM {P} p WHERE p.product_id IN "
                "(SELECT product_id FROM {T} WHERE %s)" % f)
    if shape == 7:      # correlated EXISTS
        return ("SELECT p.product_id FROM {P} p WHERE EXISTS (SELECT 1 FROM {T} x "
                "WHERE x.product_id = p.product_id AND %s)" % gen_filter(rnd, "x."))
    if shape == 8:      # scalar subquery in the select list
        return ("SELECT p.product_id, (SELECT count(*) FROM {T} x WHERE x.product_id = "
                "p.product_id) AS n FROM {P} p")
    if shape == 9:      # HAVING subquery
        return ("SELECT region, sum(amount) AS s FROM {T} GROUP BY region HAVING "
                "count(*) > (SELECT count(*) / 100 FROM {T} WHERE %s)" % f)
    if shape == 10:     # UNION with one branch reading the table
        return ("SELECT category AS k FROM {P} UNION ALL SELECT region FROM {T} WHERE %s" % f)
    if shape == 11:     # UNION of two reads
        return ("SELECT region, channel FROM {T} WHERE %s UNION SELECT region, channel FROM "
                "{T} WHERE %s" % (f, gen_filter(rnd)))
    if shape == 12:     # the table's full name as a qualifier (unaliased scan)
        return ("SELECT main.sales.transactions.region, count(*) AS n FROM main.sales.transactions "
                "GROUP BY main.sales.transactions.region")
    if shape == 13:     # an outer filter that is always true
        return "SELECT region, amount FROM {T}%s WHERE %s OR 1 = 1" % (alias, gen_filter(rnd, a))
    if shape == 14:     # window over the table
        return ("SELECT region, amount, rank() OVER (PARTITION BY region ORDER BY amount) AS r "
                "FROM {T} WHERE %s" % f)
    # comma join with a filter in WHERE
    return ("SELECT t.region, p.category FROM {T} t, {P} p WHERE t.product_id = p.product_id "
            "AND %s" % gen_filter(rnd, "t."))


def spell(rnd, text):
    """The sluice text: each placeholder a random spelling."""
    text = re.sub(r"\{T\}", lambda m: rnd.choice(T_SPELLINGS), text)
    return re.sub(r"\{P\}", lambda m: rnd.choice(P_SPELLINGS), text)


def reference(text, schema):
    """The reference text: the user's views."""
    text = text.replace("main.sales.transactions", "main.%s.transactions" % schema)
    return text.replace("{T}", "main.%s.transactions" % schema).replace(
        "{P}", "main.%s.products" % schema)


def sluice_rewrite(binary, rules, user, groups, sql):
    ctx = json.dumps({"user": user, "groups": groups})
    r = subprocess.run([binary, "rewrite", "--rules", rules, "--now", NOW, "--context", ctx, "-"],
                       input=sql, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, rules_path = args[0], args[1]
    generated, seed = 300, 11
    i = 2
    while i < len(args):
        if args[i] == "--generated":
            generated = int(args[i + 1])
        elif args[i] == "--seed":
            seed = int(args[i + 1])
        else:
            sys.exit(__doc__)
        i += 2
    rules = json.load(open(rules_path))
    rnd = random.Random(seed)
    queries = [gen_query(rnd) for _ in range(generated)]

    server = Server()
    passed = failed = leaks = refused = compared_rows = 0
    try:
        server.start()
        nrows = load_data(server, seed)
        schemas = [make_views(server, rules, k, u, g) for k, (u, g) in enumerate(USERS)]
        print("rls-proof: %d fact rows, %d queries x %d users" % (nrows, len(queries), len(USERS)))
        pairs = []
        for q in queries:
            text = spell(rnd, q)
            for k, (user, groups) in enumerate(USERS):
                rc, out, err = sluice_rewrite(binary, rules_path, user, groups, text)
                if rc != 0:
                    refused += 1
                    print("REFUSED for %s: %s\n  %s" % (user, text, err.strip()[:300]))
                    continue
                pairs.append(("%s: %s" % (user, text), to_postgres(binary, out),
                              to_postgres(binary, reference(q, schemas[k]))))
        rows, err = run_pairs(server, pairs)
        for (name, a, b), (ra, rb) in zip(pairs, rows):
            if not ra[0] or ra != rb:
                failed += 1
                extra = len([r for r in ra[1] if r not in set(rb[1])])
                leaks += 1 if extra else 0
                print("FAIL %s\n  rewritten: %s\n  reference: %s" % (name, a, b))
                print("  rewritten gave %s (%d rows, %d not in the reference), reference %s "
                      "(%d rows)" % (ra[0], len(ra[1]), extra, rb[0], len(rb[1])))
            else:
                passed += 1
                compared_rows += len(ra[1])
        if err.strip():
            failed += 1
            print("FAIL: PostgreSQL reported errors:\n" + err.strip()[:2000])
    finally:
        server.stop()
    print("rls-proof: %d comparisons, %d result rows compared, %d refused" %
          (passed + failed, compared_rows, refused))
    print("rls-proof: %d passed, %d failed, %d leaks" % (passed, failed, leaks))
    # A run that compared no rows proves nothing; sluice refuses none of these.
    sys.exit(1 if failed or refused or compared_rows == 0 else 0)


if __name__ == "__main__":
    main()
