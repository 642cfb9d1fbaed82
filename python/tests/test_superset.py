"""The Superset mutator against a stand-in for Superset's calling contract:
the SQL positionally, security_manager and database as keyword
arguments (and unknown ones), QueryObjectValidationError from
superset.exceptions, the user from superset.utils.core.get_username()."""
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, "standin"))

import superset.exceptions  # noqa: E402  (the stand-in)
import superset.utils.core  # noqa: E402
import sluice  # noqa: E402
import sluice.superset  # noqa: E402

NOW = "2026-11-24 12:00:00"


class Database:
    """What the mutator reads of Superset's ORM Database."""

    def __init__(self, backend="databricks", catalog="main", schema="sales"):
        self.backend = backend
        self.database_name = "warehouse"
        self._catalog, self._schema = catalog, schema

    def get_default_catalog(self):
        return self._catalog

    def get_default_schema(self, catalog):
        return self._schema


class User:
    def __init__(self, username):
        self.username = username


class SecurityManager:
    def __init__(self, username=None):
        self.current_user = User(username) if username else None


CHART_SQL = """SELECT date_trunc('day', transaction_date) AS transaction_date, region, sum(amount) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE) AND transaction_date < CAST('2026-11-24' AS DATE)
GROUP BY date_trunc('day', transaction_date), region
ORDER BY `SUM(amount)` DESC
LIMIT 10000"""


class Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


class Mutator(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.rules = os.path.join(self.dir, "rules.json")
        shutil.copy(os.path.join(ROOT, "rules", "superset-example.json"), self.rules)
        self.mutate = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0)
        self.db = Database()
        superset.utils.core.set_username("ana")
        self.audit = Capture()
        logging.getLogger("sluice.audit").addHandler(self.audit)
        logging.getLogger("sluice.audit").setLevel(logging.INFO)
        self.log = Capture()
        logging.getLogger("sluice").addHandler(self.log)

    def tearDown(self):
        logging.getLogger("sluice.audit").removeHandler(self.audit)
        logging.getLogger("sluice").removeHandler(self.log)
        shutil.rmtree(self.dir)

    def call(self, sql, **kw):
        kw.setdefault("security_manager", SecurityManager())
        kw.setdefault("database", self.db)
        return self.mutate(sql, **kw)

    def test_chart_query_routed(self):
        out = self.call(CHART_SQL)
        self.assertIn("FROM main.sales.revenue_by_day_region", out)
        self.assertIn("AS `SUM(amount)`", out)
        record = json.loads(self.audit.records[-1])
        self.assertEqual(record["action"], "rewrite")
        self.assertEqual(record["user"], "ana")
        self.assertEqual(record["database"], "warehouse")
        self.assertEqual(record["tables"], ["main.sales.revenue_by_day_region"])
        self.assertIn("aggregate-routing", record["rules"])
        self.assertNotIn("sql", record)
        self.assertEqual(len(record["sql_sha256"]), 64)
        self.assertGreaterEqual(record["duration_us"], 0)
        # Deterministic: the same input gives the same output.
        self.assertEqual(self.call(CHART_SQL), out)

    def test_sql_lab_probe_row_is_kept(self):
        sql = "SELECT product_id, category FROM sales.products LIMIT 1001"
        self.assertEqual(self.call(sql), sql)
        sql = "SELECT product_id FROM sales.products LIMIT 100001"     # SQL_MAX_ROW + 1
        self.assertEqual(self.call(sql), sql)

    def test_rejection_is_superset_error(self):
        with self.assertRaises(superset.exceptions.QueryObjectValidationError) as cm:
            self.call("SELECT * FROM sales.transactions LIMIT 10")
        message = str(cm.exception)
        self.assertIn("transaction_date", message)
        self.assertIn("WHERE transaction_date >= current_date() - INTERVAL 90 DAYS", message)
        self.assertIn("[partition-filter]", message)
        self.assertEqual(json.loads(self.audit.records[-1])["action"], "reject")

    def test_injected_window_stays_relative(self):
        out = self.call("SELECT page, count(*) AS views FROM web.page_events GROUP BY page LIMIT 10")
        self.assertIn("current_date() - INTERVAL 30 DAYS", out)
        self.assertNotRegex(out, r"'\d{4}-\d{2}-\d{2}'")

    def test_other_backends_pass_untouched(self):
        sql = "SELECT * FROM sales.transactions"
        self.assertEqual(self.call(sql, database=Database(backend="postgresql")), sql)
        self.assertEqual(self.audit.records, [])

    def test_unknown_keyword_arguments_are_accepted(self):
        sql = "SELECT product_id FROM sales.products LIMIT 5"
        self.assertEqual(self.call(sql, is_split=True, future_argument=1), sql)

    def test_user_falls_back_to_security_manager(self):
        superset.utils.core.set_username(None)
        self.call("SELECT product_id FROM sales.products LIMIT 5",
                  security_manager=SecurityManager("bo"))
        self.assertEqual(json.loads(self.audit.records[-1])["user"], "bo")

    def test_catalog_and_schema_from_the_database(self):
        # The connection's default schema completes the names written
        # without one (the audit record lists the tables so resolved) ...
        sql = "SELECT * FROM campaigns LIMIT 5"
        self.assertEqual(self.call(sql, database=Database(schema="marketing")), sql)
        self.assertEqual(json.loads(self.audit.records[-1])["tables"], ["main.marketing.campaigns"])
        # The operator's setting wins over the connection's.
        m = sluice.superset.make_mutator(self.rules, now=NOW, schema="marketing")
        self.assertEqual(m(sql, database=Database(schema="sales")), sql)
        self.assertEqual(json.loads(self.audit.records[-1])["tables"], ["main.marketing.campaigns"])
        # ... but a name that may be a configured table under another schema
        # is checked as that table whatever the defaults say.
        sql = "SELECT * FROM transactions LIMIT 5"
        for schema in ("marketing", "sales"):
            with self.assertRaises(superset.exceptions.QueryObjectValidationError):
                self.call(sql, database=Database(schema=schema))

    def test_reload_and_broken_rules(self):
        sql = "SELECT product_id FROM sales.products"
        self.assertTrue(self.call(sql).endswith("LIMIT 10000"))
        with open(self.rules) as f:
            rules = json.load(f)
        rules["limit"]["default"] = 50
        time.sleep(0.01)
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        self.assertTrue(self.call(sql).endswith("LIMIT 50"))
        with open(self.rules, "w") as f:
            f.write('{"sluice": 1,\n "limit": {"max": "many"}}')
        self.assertTrue(self.call(sql).endswith("LIMIT 50"))     # the old rules stay
        self.assertTrue(any("rules.json:2:" in m and "previous rules stay" in m
                            for m in self.log.records))

    def test_reload_while_threads_call(self):
        """Eight threads call the mutator while the rules file is rewritten
        (sometimes broken): every call gets a valid answer."""
        import threading
        sql = "SELECT product_id FROM sales.products"
        with open(self.rules) as f:
            rules = json.load(f)
        errors, stop = [], []

        def work():
            while not stop:
                try:
                    out = self.call(sql)
                    if not out.startswith(sql + " LIMIT "):
                        errors.append(out)
                except Exception as e:  # noqa: BLE001 - any exception is a failure here
                    errors.append(repr(e))
        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        try:
            for i in range(60):
                rules["limit"]["default"] = 10 + i
                with open(self.rules + ".tmp", "w") as f:
                    json.dump(rules, f)
                os.replace(self.rules + ".tmp", self.rules)
                if i % 15 == 0:
                    with open(self.rules, "w") as f:
                        f.write("{broken")
                time.sleep(0.005)
        finally:
            stop.append(True)
            for t in threads:
                t.join()
        self.assertEqual(errors, [])

    def test_fail_closed_and_open(self):
        def broken(*a, **k):
            raise RuntimeError("engine failure")
        self.mutate._engine.process = broken
        with self.assertRaises(superset.exceptions.QueryObjectValidationError) as cm:
            self.call("SELECT 1")
        self.assertIn("was not run", str(cm.exception))
        open_mutator = sluice.superset.make_mutator(self.rules, now=NOW, fail="open")
        open_mutator._engine.process = broken
        self.assertEqual(open_mutator("SELECT 1", database=self.db), "SELECT 1")
        self.assertTrue(any("fail=open" in m for m in self.log.records))

    def test_audit_sql_on_request(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, audit_sql=True)
        m("SELECT product_id FROM sales.products", database=self.db)
        record = json.loads(self.audit.records[-1])
        self.assertEqual(record["sql"], "SELECT product_id FROM sales.products")
        self.assertEqual(record["output"], "SELECT product_id FROM sales.products LIMIT 10000")

    def test_start_without_rules_is_an_error(self):
        with self.assertRaises(sluice.RulesError):
            sluice.superset.make_mutator(os.path.join(self.dir, "missing.json"))


class OutsideSuperset(unittest.TestCase):
    def test_own_exception_without_superset(self):
        saved = {k: v for k, v in sys.modules.items() if k == "superset" or k.startswith("superset.")}
        for k in saved:
            del sys.modules[k]
        path = sys.path[:]
        sys.path = [p for p in sys.path if not p.endswith("standin")]
        try:
            m = sluice.superset.make_mutator(os.path.join(ROOT, "rules", "superset-example.json"),
                                             now=NOW)
            with self.assertRaises(sluice.superset.QueryObjectValidationError):
                m("SELECT * FROM sales.transactions", database=Database())
        finally:
            sys.path = path
            sys.modules.update(saved)


if __name__ == "__main__":
    unittest.main()
