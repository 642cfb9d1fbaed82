"""Latency of the Superset mutator (or, with --engine, of Engine.process
alone) under busy threads.

Each of N threads calls one shared mutator in a loop (chart queries that
route, SQL Lab queries that pass, rejections in turn) for a fixed time;
every call's wall time is recorded and the percentiles printed:

    SLUICE_LIBRARY=build/libsluice.so PYTHONPATH=python \
        python3 python/bench/threads.py [THREADS...] [--seconds S]

The audit logger is on (to a handler that drops records), as in a
deployment.  Run it alone on the machine: the figures are wall times.
"""
import argparse
import logging
import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, "..", "tests", "standin"))

import sluice.superset  # noqa: E402

QUERIES = [
    "SELECT date_trunc('day', transaction_date) AS transaction_date, region, sum(amount) AS `SUM(amount)`\n"
    "FROM sales.transactions\nWHERE transaction_date >= CAST('2026-11-01' AS DATE) "
    "AND transaction_date < CAST('2026-11-24' AS DATE)\nGROUP BY date_trunc('day', transaction_date), region\n"
    "ORDER BY `SUM(amount)` DESC\nLIMIT 10000",
    "SELECT product_id, category FROM sales.products LIMIT 1001",
    "SELECT page, count(*) AS views FROM web.page_events GROUP BY page LIMIT 10",
    "SELECT * FROM sales.transactions LIMIT 10",
]


class Database:
    backend = "databricks"
    database_name = "warehouse"
    id = 1
    sqlalchemy_uri = "databricks://token:XXXXXXXXXX@host:443?http_path=/sql/1&catalog=main&schema=sales"

    def get_default_catalog(self):
        return "main"

    def get_default_schema(self, catalog):
        return "sales"


def run(mutate, threads, seconds):
    import flask        # the stand-in: each thread serves requests in Superset's app context
    config = {"SQL_QUERY_MUTATOR": mutate, "MUTATE_AFTER_SPLIT": False, "MUTATE_ALERT_QUERY": False}
    db = Database()
    samples = [[] for _ in range(threads)]
    stop = threading.Event()

    def work(k):
        with flask.app_context(config):
            serve(k)

    def serve(k):
        out = samples[k]
        i = k
        while not stop.is_set():
            sql = QUERIES[i % len(QUERIES)]
            i += 1
            t0 = time.perf_counter()
            try:
                mutate(sql, database=db, security_manager=None)
            except Exception:
                pass
            out.append(time.perf_counter() - t0)
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in ts:
        t.join()
    allv = sorted(v for s in samples for v in s)
    n = len(allv)

    def pct(p):
        return allv[min(n - 1, int(p * n))] * 1e3
    print("%2d threads: %7d calls, %6.0f calls/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms"
          % (threads, n, n / seconds, pct(0.50), pct(0.99), pct(0.999), allv[-1] * 1e3))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("threads", nargs="*", type=int, default=[1, 8, 20])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--engine", action="store_true", help="time Engine.process alone")
    args = ap.parse_args()
    audit = logging.getLogger("sluice.audit")
    audit.addHandler(logging.NullHandler())
    audit.setLevel(logging.INFO)
    audit.propagate = False
    kw = {"unchecked_paths": ("alerts", "database_execute")}
    if not hasattr(sluice.superset, "PATHS"):      # the mutator before coverage checks
        kw = {}
    mutate = sluice.superset.make_mutator(os.path.join(ROOT, "rules", "superset-example.json"),
                                          now="2026-11-24 12:00:00", **kw)
    if args.engine:
        engine = sluice.Engine.from_file(os.path.join(ROOT, "rules", "superset-example.json"))

        def mutate(sql, **_):
            return engine.process(sql, catalog="main", schema="sales", now="2026-11-24 12:00:00")
    for n in args.threads:
        run(mutate, n, args.seconds)


if __name__ == "__main__":
    main()
