"""The Superset mutator against a stand-in for Superset 6.1's calling
contract (python/tests/standin): the SQL positionally, security_manager
and database as keyword arguments (and unknown ones), through
Database.mutate_sql_based_on_config from SQL Lab, chart queries, probes,
alerts, get_df and execute, with Flask's current_app.config holding the
settings; QueryObjectValidationError from superset.exceptions, the user
from superset.utils.core.get_username()."""
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, "standin"))

import flask  # noqa: E402  (the stand-in)
import superset.exceptions  # noqa: E402
import superset.utils.core  # noqa: E402
from superset.commands.report.alert import AlertCommand  # noqa: E402
from superset.connectors.sqla.models import SqlaTable  # noqa: E402
from superset.models.core import Database as SupersetDatabase  # noqa: E402
from superset.models.sql_lab import Query  # noqa: E402
from superset.sql_lab import execute_sql_statements  # noqa: E402
import sluice  # noqa: E402
import sluice.superset  # noqa: E402

NOW = "2026-11-24 12:00:00"
Rejected = superset.exceptions.QueryObjectValidationError
URI = ("databricks://token:XXXXXXXXXX@dbc-1.cloud.databricks.com:443"
       "?http_path=/sql/1.0/warehouses/w1&catalog=main&schema=%s")


def Database(backend="databricks", schema="sales", **kw):
    """Superset's ORM Database with a URI whose default schema is `schema`."""
    kw.setdefault("sqlalchemy_uri", URI % schema)
    return SupersetDatabase(backend=backend, **kw)


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
        self.levels = []

    def emit(self, record):
        self.records.append(record.getMessage())
        self.levels.append(record.levelname)


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.rules = os.path.join(self.dir, "rules.json")
        shutil.copy(os.path.join(ROOT, "rules", "superset-example.json"), self.rules)
        self.audit = Capture()
        logging.getLogger("sluice.audit").addHandler(self.audit)
        logging.getLogger("sluice.audit").setLevel(logging.INFO)
        self.log = Capture()
        logging.getLogger("sluice").addHandler(self.log)
        logging.getLogger("sluice").setLevel(logging.INFO)
        # Superset's default settings leave alerts and Database.execute()
        # unchecked; the tests' mutator accepts that (class Coverage tests it).
        self.mutate = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0,
                                                   unchecked_paths=("alerts", "database_execute"))
        self.db = Database()
        superset.utils.core.set_username("ana")

    def tearDown(self):
        logging.getLogger("sluice.audit").removeHandler(self.audit)
        logging.getLogger("sluice").removeHandler(self.log)
        shutil.rmtree(self.dir)

    def call(self, sql, **kw):
        kw.setdefault("security_manager", SecurityManager())
        kw.setdefault("database", self.db)
        return self.mutate(sql, **kw)

    def last_audit(self):
        return json.loads(self.audit.records[-1])


class Mutator(Base):
    def test_chart_query_routed(self):
        out = self.call(CHART_SQL)
        self.assertIn("FROM main.sales.revenue_by_day_region", out)
        self.assertIn("AS `SUM(amount)`", out)
        record = self.last_audit()
        self.assertEqual(record["action"], "rewrite")
        self.assertIs(record["ran"], True)
        self.assertEqual(record["user"], "ana")
        self.assertEqual(record["database"], "warehouse")
        self.assertEqual(record["database_id"], 1)
        self.assertEqual(record["tables"], ["main.sales.revenue_by_day_region"])
        self.assertEqual(record["tables_before"], ["main.sales.transactions"])
        # The rules' rows: 5,000,000,000 for the fact table, 40,000 for the aggregate.
        self.assertEqual(record["rows_saved_estimate"], 5000000000 - 40000)
        self.assertIn("aggregate-routing", record["rules"])
        self.assertNotIn("sql", record)
        self.assertEqual(len(record["sql_sha256"]), 64)
        self.assertGreaterEqual(record["duration_us"], 0)
        # Deterministic: the same input gives the same output.
        self.assertEqual(self.call(CHART_SQL), out)

    def test_rewrite_keeps_the_authors_layout(self):
        # The default layout is keep: the author's lines and comments stay,
        # only the rewritten part (here, the LIMIT added) is new.
        sql = ("-- products by category\n"
               "SELECT product_id,\n"
               "       category   -- shown in the table\n"
               "FROM sales.products\n"
               "ORDER BY category")
        out = self.call(sql)
        # The statement as written (the comment before it is not part of it).
        statement = sql[len("-- products by category\n"):]
        self.assertTrue(out.startswith(statement + "\nLIMIT "), out)
        compact = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0,
                                               unchecked_paths=("alerts", "database_execute"),
                                               layout="compact")
        one_line = compact(sql, security_manager=SecurityManager(), database=self.db)
        self.assertNotIn("\n", one_line)
        self.assertIn("ORDER BY category LIMIT ", one_line)
        with self.assertRaises(ValueError):
            sluice.superset.make_mutator(self.rules, layout="wide")

    def test_sql_lab_probe_row_is_kept(self):
        sql = "SELECT product_id, category FROM sales.products LIMIT 1001"
        self.assertEqual(self.call(sql), sql)
        sql = "SELECT product_id FROM sales.products LIMIT 100001"     # SQL_MAX_ROW + 1
        self.assertEqual(self.call(sql), sql)

    def test_rejection_is_superset_error(self):
        with self.assertRaises(Rejected) as cm:
            self.call("SELECT * FROM sales.transactions LIMIT 10")
        message = str(cm.exception)
        self.assertIn("transaction_date", message)
        self.assertIn("WHERE transaction_date >= current_date() - INTERVAL 90 DAYS", message)
        self.assertIn("[partition-filter]", message)
        # It quotes the words it points at, which the author wrote, before
        # the line and column of the SQL Superset sent.
        self.assertIn('(near "sales.transactions LIMIT 10", line 1, column 15 of the query '
                      'as sent) [partition-filter]', message)
        record = self.last_audit()
        self.assertEqual(record["action"], "reject")
        self.assertIs(record["ran"], False)
        self.assertNotIn("tables", record)
        self.assertEqual(record["tables_before"], ["main.sales.transactions"])
        self.assertEqual(record["reasons"], [{
            "rule": "partition-filter", "code": None, "severity": "error", "line": 1, "column": 15,
            "statement": 0, "message": message.split(" (near ")[0]}])

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
        self.assertEqual(self.last_audit()["user"], "bo")

    def test_fail_closed_and_open(self):
        def broken(*a, **k):
            raise RuntimeError("engine failure")
        self.mutate._engine.process = broken
        with self.assertRaises(Rejected) as cm:
            self.call("SELECT 1")
        self.assertIn("was not run", str(cm.exception))
        record = self.last_audit()
        self.assertEqual((record["action"], record["ran"], record["error"]),
                         ("error", False, "engine failure"))
        open_mutator = sluice.superset.make_mutator(self.rules, now=NOW, fail="open")
        open_mutator._engine.process = broken
        self.assertEqual(open_mutator("SELECT 1", database=self.db), "SELECT 1")
        self.assertTrue(any("fail=open" in m for m in self.log.records))
        record = self.last_audit()
        self.assertEqual((record["action"], record["ran"], record["error"]),
                         ("error", True, "engine failure"))

    def test_audit_sql_on_request(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, audit_sql=True)
        m("SELECT product_id FROM sales.products", database=self.db)
        record = self.last_audit()
        self.assertEqual(record["sql"], "SELECT product_id FROM sales.products")
        self.assertEqual(record["output"], "SELECT product_id FROM sales.products LIMIT 10000")

    def test_start_without_rules_is_an_error(self):
        with self.assertRaises(sluice.RulesError):
            sluice.superset.make_mutator(os.path.join(self.dir, "missing.json"))


class Budget(Base):
    def test_audit_carries_the_scan_estimate(self):
        with open(self.rules) as f:
            rules = json.load(f)
        for t in rules["tables"]:
            if t["match"] == "main.sales.transactions":
                t["bytes"], t["bytes_per_day"] = 3400000000000, 7750000000
        rules["budget"] = {"max_bytes": 200000000000, "unsized": "zero"}
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        # 2026-11-01 .. 2026-11-23, the chart's own window: 23 days x 7,750,000,000
        sql = ("SELECT region, count(*) AS n FROM sales.transactions WHERE transaction_date >= "
               "CAST('2026-11-01' AS DATE) AND transaction_date < CAST('2026-11-24' AS DATE) "
               "GROUP BY region, channel LIMIT 100")
        self.call(sql)
        self.assertEqual(self.last_audit()["scan_bytes_estimate"], 178250000000)
        # the same over 400 days: refused, and the audit says how much it would have read
        with self.assertRaises(Rejected) as e:
            self.call(sql.replace("2026-11-01", "2025-10-20"))
        self.assertIn("~3.1 TB over 400 days of main.sales.transactions; the limit is 200 GB",
                      str(e.exception))
        self.assertEqual(self.last_audit()["scan_bytes_estimate"], 3100000000000)


class Role:
    def __init__(self, name):
        self.name = name


class RolesManager(SecurityManager):
    """A security manager with Superset's get_user_roles()."""
    def __init__(self, roles, username=None):
        super().__init__(username)
        self.roles = roles

    def get_user_roles(self):
        if isinstance(self.roles, Exception):
            raise self.roles
        return [Role(r) for r in self.roles]


class RowFilters(Base):
    """The mutator passes the names of get_user_roles() as the request's
    groups, which the rules' row filters and bypass list name."""
    def setUp(self):
        super().setUp()
        with open(self.rules) as f:
            rules = json.load(f)
        rules["row_filters"] = {
            "default": "deny", "bypass": ["Admin"],
            "filters": [{"table": "main.sales.transactions", "predicate": "region = 'EU'",
                         "groups": ["eu_sales"]},
                        {"table": "main.sales.transactions", "predicate": "channel = {{user}}",
                         "users": ["ana"]}]}
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        self.sql = ("SELECT region, amount FROM sales.transactions WHERE transaction_date >= "
                    "CAST('2026-11-01' AS DATE) LIMIT 10")

    def test_roles_select_the_filters(self):
        out = self.call(self.sql, security_manager=RolesManager(["Gamma", "eu_sales"]))
        self.assertEqual(out, "SELECT region, amount FROM (SELECT * FROM sales.transactions "
                              "WHERE region = 'EU' AND channel = 'ana') AS transactions WHERE "
                              "transaction_date >= CAST('2026-11-01' AS DATE) LIMIT 10")

    def test_bypass_role_reads_every_row(self):
        self.assertEqual(self.call(self.sql, security_manager=RolesManager(["Admin"])), self.sql)

    def test_no_roles_no_filter_for_the_user_is_deny(self):
        superset.utils.core.set_username("bo")
        out = self.call(self.sql, security_manager=RolesManager([]))
        self.assertIn("(SELECT * FROM sales.transactions WHERE FALSE) AS transactions", out)

    def test_roles_that_cannot_be_read_refuse_the_query(self):
        with self.assertRaises(Rejected):
            self.call(self.sql, security_manager=RolesManager(RuntimeError("no session")))

    def test_binding_takes_groups(self):
        engine = sluice.Engine.from_file(self.rules)
        r = engine.process(self.sql, catalog="main", schema="sales", user="bo",
                           groups=["eu_sales"])
        self.assertEqual(r.action, sluice.Action.REWRITE)
        self.assertIn("WHERE region = 'EU') AS transactions", r.sql)
        with self.assertRaises(ValueError):
            engine.process(self.sql, groups="eu_sales")


class Attribution(Base):
    def enable(self):
        with open(self.rules) as f:
            rules = json.load(f)
        rules["attribution"] = {"comment": True}
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        self.mutate = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0,
                                                   unchecked_paths=("alerts", "database_execute"))
        return self.mutate.engine().digest[:16]

    def test_off_by_default(self):
        sql = "SELECT region FROM sales.transactions WHERE transaction_date >= '2026-11-01' LIMIT 5"
        self.assertEqual(self.call(sql), sql)

    def test_chart_data_request(self):
        """The chart data API's body names the dashboard and chart; the chart
        query is routed: the comment says so."""
        digest = self.enable()
        with flask.request_context({"form_data": {"slice_id": 345, "dashboardId": 12}}):
            out = self.call(CHART_SQL)
        self.assertTrue(out.startswith(
            "/* sluice: user=ana, dashboard=12, chart=345, source=chart, rules=%s, "
            "routed=main.sales.revenue_by_day_region */ " % digest), out)

    def test_sql_lab_and_escaping(self):
        """A user name that tries to close the comment is escaped; a query
        otherwise unchanged is the comment, a space and the input."""
        digest = self.enable()
        superset.utils.core.set_username("eve*/ DROP TABLE x; /*")
        sql = "SELECT region FROM sales.transactions WHERE transaction_date >= '2026-11-01' LIMIT 5"
        out = self.call(sql)
        self.assertEqual(out, "/* sluice: user=eve%2A%2F%20DROP%20TABLE%20x%3B%20%2F%2A, "
                              "source=superset, rules=" + digest + " */ " + sql)
        # The output run again is unchanged.
        self.assertEqual(self.call(out), out)

    def test_async_query_context_on_the_stack(self):
        """Outside a request (a worker running an async chart query), the
        QueryContext on the call stack names the chart."""
        digest = self.enable()

        class QueryContext:
            form_data = {"slice_id": "77", "dashboardId": None}

        def run_chart(query_context):
            return self.call(CHART_SQL)

        out = run_chart(QueryContext())
        self.assertTrue(out.startswith("/* sluice: user=ana, chart=77, source=chart, rules=%s, "
                                       % digest), out)


class Context(Base):
    """Item 1 and 3: names the query does not qualify resolve under the
    catalog and schema Superset runs it under, read without a warehouse
    round trip (the stand-in Database raises on get_default_catalog and
    get_default_schema).  A name that may be a configured table is checked
    as that table whatever the schema (rules "resolution"); the context
    decides what every other name is, as the audit's tables show."""

    SQL = "SELECT * FROM transactions LIMIT 5"          # a configured table's name
    OTHER = "SELECT * FROM campaigns LIMIT 5"           # no configured table's

    def sql_lab(self, sql, schema, catalog=None, db=None):
        db = db or self.db
        query = Query(db, sql, catalog=catalog, schema=schema)
        return execute_sql_statements(query.id, sql, query)

    def context_of_last_call(self):
        r = self.last_audit()
        return r["catalog"], r["schema"], r["catalog_source"], r["schema_source"]

    def test_sql_lab_dropdown_schema_decides(self):
        # The URI's default is `default`; SQL Lab's dropdown is on `sales`.
        db = Database(schema="default")
        with flask.app_context({"SQL_QUERY_MUTATOR": self.mutate, "MUTATE_AFTER_SPLIT": False}):
            with self.assertRaises(Rejected):
                self.sql_lab(self.SQL, schema="sales", db=db)
            self.assertEqual(self.context_of_last_call(), ("main", "sales", "uri", "sql_lab"))
            self.assertEqual(self.last_audit()["tables_before"], ["main.sales.transactions"])
            self.assertEqual(self.sql_lab(self.OTHER, schema="marketing", db=db), [self.OTHER])
            self.assertEqual(self.last_audit()["tables"], ["main.marketing.campaigns"])
            # No schema picked: the connection's default applies.
            self.assertEqual(self.sql_lab(self.OTHER, schema=None, db=db), [self.OTHER])
            self.assertEqual(self.context_of_last_call(), ("main", "default", "uri", "uri"))
            self.assertEqual(self.last_audit()["tables"], ["main.default.campaigns"])
            # A catalog picked in SQL Lab.
            self.assertEqual(self.sql_lab(self.OTHER, schema="sales", catalog="dev", db=db),
                             [self.OTHER])
            self.assertEqual(self.last_audit()["tables"], ["dev.sales.campaigns"])

    def test_dataset_schema_for_charts(self):
        db = Database(schema="default")
        dataset = SqlaTable(db, "virtual", catalog="main", schema="sales",
                            sql="SELECT * FROM campaigns")
        chart = ("SELECT region AS region\nFROM (SELECT * FROM campaigns) AS virtual_table\n"
                 "GROUP BY region\nLIMIT 10000")
        with flask.app_context({"SQL_QUERY_MUTATOR": self.mutate, "MUTATE_AFTER_SPLIT": False}):
            self.assertEqual(dataset.get_query_str_extended(chart), chart)
            self.assertEqual(self.context_of_last_call(), ("main", "sales", "dataset", "dataset"))
            self.assertEqual(self.last_audit()["tables"], ["main.sales.campaigns"])
            dataset.catalog, dataset.schema = None, "marketing"
            self.assertEqual(dataset.get_query_str_extended(chart), chart)
            self.assertEqual(self.context_of_last_call(), ("main", "marketing", "uri", "dataset"))
            self.assertEqual(self.last_audit()["tables"], ["main.marketing.campaigns"])

    def test_get_df_after_split_uses_its_schema(self):
        db = Database(schema="default")
        m = sluice.superset.make_mutator(self.rules, now=NOW,
                                         unchecked_paths=("sql_lab", "explore_probes"))
        with flask.app_context({"SQL_QUERY_MUTATOR": m, "MUTATE_AFTER_SPLIT": True}):
            self.assertEqual(db.get_df(self.OTHER, catalog=None, schema="sales"), [self.OTHER])
            self.assertEqual(self.context_of_last_call(), ("main", "sales", "uri", "connection"))
            self.assertEqual(db.execute(self.OTHER, catalog="dev", schema="marketing"), [self.OTHER])
            self.assertEqual(self.last_audit()["tables"], ["dev.marketing.campaigns"])

    def test_flask_request_names_the_schema(self):
        db = Database(schema="default")
        with flask.request_context({"database_id": 1, "schema": "sales", "sql": self.OTHER}):
            self.call(self.OTHER, database=db)
            self.assertEqual(self.context_of_last_call(), ("main", "sales", "uri", "request"))
        # Another database's request says nothing about this one.
        with flask.request_context({"database_id": 2, "schema": "sales"}):
            self.call(self.OTHER, database=db)
            self.assertEqual(self.context_of_last_call(), ("main", "default", "uri", "uri"))

    def test_uri_defaults_without_round_trip(self):
        cases = [
            (URI % "sales", ("main", "sales")),
            ("databricks://token:x@h:443?http_path=/p&catalog=hive_metastore", ("hive_metastore", None)),
            ("databricks+pyhive://token:x@h:443/default", (None, "default")),
            ("databricks://token:x@h:443?http_path=/p", (None, None)),
            ("not a uri", (None, None)),
            (None, (None, None)),
        ]
        for uri, expected in cases:
            self.assertEqual(sluice.superset.uri_defaults(uri), expected, uri)
        extra = json.dumps({"engine_params": {"connect_args": {"catalog": "main", "schema": "web"}}})
        self.assertEqual(sluice.superset.uri_defaults("databricks://token:x@h:443?http_path=/p",
                                                      extra), ("main", "web"))
        # The mutator caches per database id and URI, and logs a URI without
        # defaults once.
        db = Database(sqlalchemy_uri="databricks://token:x@h:443?http_path=/p")
        for _ in range(3):
            self.call("SELECT product_id FROM sales.products LIMIT 5", database=db)
        self.assertEqual(sum("names no default catalog or schema" in m for m in self.log.records), 1)
        self.assertEqual(len(self.mutate._uri_cache), 1)
        record = self.last_audit()
        self.assertEqual((record["catalog"], record["schema"], record["catalog_source"],
                          record["schema_source"]), (None, None, "rules", "rules"))
        # Same id, new URI: read again.
        db.sqlalchemy_uri = URI % "web"
        self.call("SELECT product_id FROM sales.products LIMIT 5", database=db)
        self.assertEqual(self.last_audit()["schema"], "web")

    def test_operator_options_win(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, schema="marketing",
                                         unchecked_paths=("alerts", "database_execute"))
        with flask.app_context({"SQL_QUERY_MUTATOR": m, "MUTATE_AFTER_SPLIT": False}):
            query = Query(self.db, self.OTHER, schema="sales")
            self.assertEqual(execute_sql_statements(query.id, self.OTHER, query), [self.OTHER])
        self.assertEqual(self.context_of_last_call(), ("main", "marketing", "uri", "option"))
        self.assertEqual(self.last_audit()["tables"], ["main.marketing.campaigns"])


class Probes(Base):
    """Explore's probes (item 4, checked here through the mutator on the
    dataset's path): they read nothing, so they run with no window
    injected; a probe without a LIMIT gets the default one."""

    def test_probes_run(self):
        from superset.models.helpers import PROBES
        dataset = SqlaTable(self.db, "transactions", catalog="main", schema="sales")
        expected = {
            "x_axis_type": "SELECT date_trunc('week', transaction_date) AS transaction_week "
                           "FROM sales.transactions WHERE FALSE LIMIT 10000",
            "adhoc_filter": "SELECT * FROM sales.transactions WHERE amount > 100 AND "
                            "region IN ('EMEA', 'APAC') AND FALSE LIMIT 10000",
            "expression": "SELECT amount * quantity AS expr FROM sales.transactions "
                          "WHERE 1 = 0 LIMIT 10000",
            "virtual_columns": "SELECT order_day AS order_day FROM (SELECT transaction_date AS "
                               "order_day, amount FROM sales.transactions) AS virtual_table "
                               "WHERE FALSE LIMIT 10000",
            # Routed onto the aggregate, which answers it the same.
            "limit_zero": "SELECT region, sum(revenue) AS `SUM(amount)` FROM "
                          "main.sales.revenue_by_day_region AS transactions GROUP BY region LIMIT 0",
        }
        with flask.app_context({"SQL_QUERY_MUTATOR": self.mutate, "MUTATE_AFTER_SPLIT": False}):
            # The mutator keeps the probe's own layout (layout="keep"):
            # compared with spacing and letter case aside.
            def flat(text):
                text = " ".join(text.split()).lower()
                return text.replace("( ", "(").replace(" )", ")")
            for name, sql in PROBES.items():
                self.assertEqual(flat(dataset.probe(sql)), flat(expected[name]), name)
                record = self.last_audit()
                self.assertEqual(record["schema_source"], "dataset")
                self.assertEqual(record["reasons"], [])
        # The same filter without the probe's "AND false" reads the table.
        with self.assertRaises(Rejected):
            self.call("SELECT *\nFROM sales.transactions\n"
                      "WHERE (amount > 100 AND region IN ('EMEA', 'APAC'))")


class Scripts(Base):
    """Item 10: SQL Lab hands the mutator one statement at a time; the
    script is checked as a whole before its first statement runs, so
    statements.multiple fires and no script runs halfway."""

    def sql_lab(self, script, mutate):
        db = self.db
        query = Query(db, script, schema="sales")
        with flask.app_context({"SQL_QUERY_MUTATOR": mutate, "MUTATE_AFTER_SPLIT": False}):
            return execute_sql_statements(query.id, script, query)

    def test_multiple_reject_fires(self):
        script = ("SELECT product_id FROM sales.products LIMIT 5;\n"
                  "SELECT category FROM sales.products LIMIT 5")
        with self.assertRaises(Rejected) as cm:
            self.sql_lab(script, self.mutate)
        self.assertEqual(str(cm.exception),
                         "this script of 2 statements is refused before any of them runs: "
                         "statement 2: 2 statements in one request; only one is allowed "
                         "[statement-kind]")
        self.assertEqual(len(self.audit.records), 1)        # the first statement never ran
        self.assertEqual(self.last_audit()["action"], "reject")

    def test_a_later_statement_refuses_the_script(self):
        with open(self.rules) as f:
            rules = json.load(f)
        rules["statements"]["multiple"] = "allow"
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        m = sluice.superset.make_mutator(self.rules, now=NOW,
                                         unchecked_paths=("alerts", "database_execute"))
        ok = "SELECT product_id FROM sales.products LIMIT 5"
        script = ok + ";\nSELECT * FROM sales.transactions LIMIT 5"
        with self.assertRaises(Rejected) as cm:
            self.sql_lab(script, m)
        self.assertIn("statement 2: main.sales.transactions is scanned without a lower bound",
                      str(cm.exception))
        self.assertEqual(len(self.audit.records), 1)
        # Each statement passes: each runs, checked on its own as well.
        script = ok + ";\nSELECT category FROM sales.products LIMIT 7"
        self.assertEqual(self.sql_lab(script, m),
                         [ok, "SELECT category FROM sales.products LIMIT 7"])
        self.assertEqual([json.loads(r)["action"] for r in self.audit.records[1:]],
                         ["pass", "pass"])


class Coverage(Base):
    """Item 2: Superset's settings decide which paths call the mutator."""

    def test_paths_left_unchecked_per_setting(self):
        cases = [
            ({}, ["alerts", "database_execute"]),
            ({"MUTATE_ALERT_QUERY": True}, ["database_execute"]),
            ({"MUTATE_AFTER_SPLIT": True}, ["sql_lab", "explore_probes"]),
            ({"MUTATE_AFTER_SPLIT": True, "MUTATE_ALERT_QUERY": True}, ["sql_lab", "explore_probes"]),
        ]
        for config, expected in cases:
            self.assertEqual(sluice.superset.unchecked_paths(config), expected, config)

    def test_the_table_matches_the_stand_in(self):
        """Each setting against Superset's own call sites (the stand-in's):
        a path the table calls covered reaches the mutator, one it calls
        unchecked does not."""
        sql = "SELECT * FROM sales.transactions LIMIT 10"       # rejected when checked
        db = self.db
        dataset = SqlaTable(db, "transactions", catalog="main", schema="sales")
        paths = {
            "charts": lambda: (dataset.get_query_str_extended(sql), db.get_df(sql)),
            "sql_lab": lambda: execute_sql_statements(1, sql, Query(db, sql, schema="sales")),
            "explore_probes": lambda: dataset.probe(sql),
            "alerts": lambda: AlertCommand(db, sql)._execute_query(),
            "database_execute": lambda: db.execute(sql),
        }
        m = sluice.superset.make_mutator(self.rules, now=NOW, unchecked_paths=sluice.superset.PATH_NAMES)
        for after in (False, True):
            for alert in (False, True):
                config = {"SQL_QUERY_MUTATOR": m, "MUTATE_AFTER_SPLIT": after,
                          "MUTATE_ALERT_QUERY": alert}
                unchecked = sluice.superset.unchecked_paths(config)
                with flask.app_context(config):
                    for name, run in paths.items():
                        try:
                            run()
                            checked = False
                        except Rejected:
                            checked = True
                        self.assertEqual(checked, name not in unchecked, (name, config))

    def test_error_and_refusal_when_a_path_is_unchecked(self):
        sql = "SELECT product_id FROM sales.products LIMIT 5"
        m = sluice.superset.make_mutator(self.rules, now=NOW)
        config = {"SQL_QUERY_MUTATOR": m, "MUTATE_AFTER_SPLIT": False,
                  "MUTATE_ALERT_QUERY": False}
        with flask.app_context(config):
            for _ in range(2):
                with self.assertRaises(Rejected) as cm:
                    m(sql, database=self.db)
        message = str(cm.exception)
        self.assertIn("MUTATE_AFTER_SPLIT=False, MUTATE_ALERT_QUERY=False", message)
        self.assertIn("alerts: alert queries", message)
        self.assertIn("database_execute: Database.execute(), the MCP execute_sql tool", message)
        errors = [m for m, lv in zip(self.log.records, self.log.levels) if lv == "ERROR"]
        self.assertEqual(len(errors), 1)
        self.assertIn("every query is refused (fail=closed)", errors[0])
        record = self.last_audit()
        self.assertEqual((record["action"], record["ran"]), ("refused", False))
        # Accepting the gaps by name: the query runs, checked.
        m = sluice.superset.make_mutator(self.rules, now=NOW,
                                         unchecked_paths=("alerts", "database_execute"))
        with flask.app_context(dict(config, SQL_QUERY_MUTATOR=m)):
            self.assertEqual(m(sql, database=self.db), sql)
        # fail="open": the ERROR, and queries still run checked.
        m = sluice.superset.make_mutator(self.rules, now=NOW, fail="open")
        with flask.app_context(dict(config, SQL_QUERY_MUTATOR=m)):
            self.assertEqual(m(sql, database=self.db), sql)
            with self.assertRaises(Rejected):
                m("SELECT * FROM sales.transactions", database=self.db)
        self.assertEqual(sum("fail=open: queries on the other paths run checked" in r
                             for r in self.log.records), 1)

    def test_unknown_path_name_is_an_error(self):
        with self.assertRaises(ValueError):
            sluice.superset.make_mutator(self.rules, unchecked_paths=("mcp",))

    def test_stats_logger_from_the_config(self):
        class StatsLogger:
            def __init__(self):
                self.calls = []

            def incr(self, key):
                self.calls.append(("incr", key))

            def timing(self, key, value):
                self.calls.append(("timing", key))
        stats = StatsLogger()
        m = sluice.superset.make_mutator(self.rules, now=NOW, unchecked_paths=("alerts", "database_execute"))
        with flask.app_context({"SQL_QUERY_MUTATOR": m, "MUTATE_AFTER_SPLIT": False,
                                "STATS_LOGGER": stats}):
            m(CHART_SQL, database=self.db)
            with self.assertRaises(Rejected):
                m("SELECT * FROM sales.transactions", database=self.db)
        self.assertEqual(stats.calls, [
            ("incr", "sluice.action.rewrite"),
            ("incr", "sluice.rule.aggregate-routing.rewrite"),
            ("timing", "sluice.latency_ms"),
            ("incr", "sluice.action.reject"),
            ("incr", "sluice.rule.limit-cap.reject"),
            ("incr", "sluice.rule.partition-filter.reject"),
            ("incr", "sluice.reason.partition-filter"),
            ("timing", "sluice.latency_ms")])


class Database_(Base):
    """Item 7: no usable database is not a silent pass."""

    def test_no_database_fail_closed(self):
        sql = "SELECT * FROM sales.transactions"
        for _ in range(2):
            with self.assertRaises(Rejected) as cm:
                self.mutate(sql, security_manager=None)
            self.assertIn("no database= keyword argument", str(cm.exception))
        errors = [m for m in self.log.records if "was called with no database=" in m]
        self.assertEqual(len(errors), 1)
        self.assertIn("Superset 4.1 or later", errors[0])
        with self.assertRaises(Rejected):
            self.mutate(sql, database=object())
        # The positional form of Superset before 3.0: (sql, user_name, security_manager, database)
        with self.assertRaises(Rejected):
            self.mutate(sql, "ana", None, self.db)
        record = self.last_audit()
        self.assertEqual((record["action"], record["ran"]), ("error", False))

    def test_no_database_fail_open(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, fail="open")
        sql = "SELECT * FROM sales.transactions"
        self.assertEqual(m(sql), sql)
        self.assertEqual((self.last_audit()["action"], self.last_audit()["ran"]), ("error", True))


class Audit(Base):
    """Item 8: audit records and metrics; no audit path raises."""

    def test_lone_surrogate_is_a_rejection_not_a_crash(self):
        sql = "SELECT 'a\udcff' AS x"
        with self.assertRaises(Rejected) as cm:
            self.call(sql)
        self.assertIn("[syntax]", str(cm.exception))
        record = self.last_audit()
        self.assertEqual(record["action"], "reject")
        self.assertEqual(len(record["sql_sha256"]), 64)
        m = sluice.superset.make_mutator(self.rules, now=NOW, audit_sql=True)
        with self.assertRaises(Rejected):
            m(sql, database=self.db)
        self.assertEqual(self.last_audit()["sql"], sql)

    def test_audit_failure_does_not_change_the_verdict(self):
        class Broken(logging.Handler):
            def emit(self, record):
                raise RuntimeError("disk full")

            def handleError(self, record):
                raise RuntimeError("handler error")
        handler = Broken()
        logging.getLogger("sluice.audit").addHandler(handler)
        try:
            sql = "SELECT product_id FROM sales.products LIMIT 5"
            self.assertEqual(self.call(sql), sql)
            with self.assertRaises(Rejected):
                self.call("SELECT * FROM sales.transactions")
        finally:
            logging.getLogger("sluice.audit").removeHandler(handler)
        written = [r for r in self.log.records if "audit record could not be written" in r]
        self.assertEqual(written, ["sluice: the audit record could not be written: disk full"] * 2)

    def test_metrics_callable(self):
        seen = []
        m = sluice.superset.make_mutator(self.rules, now=NOW,
                                         metrics=lambda kind, name, value: seen.append((kind, name)))
        m("SELECT product_id FROM sales.products", database=self.db)
        self.assertEqual(seen, [("incr", "sluice.action.rewrite"),
                                ("incr", "sluice.rule.limit-cap.rewrite"),
                                ("timing", "sluice.latency_ms")])

        def raising(kind, name, value):
            raise RuntimeError("statsd down")
        m = sluice.superset.make_mutator(self.rules, now=NOW, metrics=raising)
        self.assertEqual(m("SELECT product_id FROM sales.products LIMIT 5", database=self.db),
                         "SELECT product_id FROM sales.products LIMIT 5")

    def test_rules_digest_and_load_time(self):
        import hashlib
        self.call("SELECT product_id FROM sales.products LIMIT 5")
        record = self.last_audit()
        with open(self.rules, "rb") as f:
            self.assertEqual(record["rules_sha256"], hashlib.sha256(f.read()).hexdigest())
        self.assertEqual(record["rules_file"], self.rules)
        self.assertRegex(record["rules_loaded_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


class Reload(Base):
    """Item 12: reload by content, quiet through non-atomic writes."""

    def write(self, text):
        with open(self.rules, "w") as f:
            f.write(text)

    def rules_with_default(self, n):
        with open(os.path.join(ROOT, "rules", "superset-example.json")) as f:
            rules = json.load(f)
        rules["limit"]["default"] = n
        return json.dumps(rules)

    def test_reload_and_broken_rules(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0, settle=0.2)
        sql = "SELECT product_id FROM sales.products"
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 10000"))
        self.write(self.rules_with_default(50))
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 50"))
        self.write('{"sluice": 1,\n "limit": {"max": "many"}}')
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 50"))     # the old rules stay
        self.assertFalse(any("previous rules" in r for r in self.log.records))   # not yet settled
        time.sleep(0.25)
        for _ in range(3):
            self.assertTrue(m(sql, database=self.db).endswith("LIMIT 50"))
        refused = [r for r in self.log.records if "previous rules" in r]
        self.assertEqual(len(refused), 1)
        self.assertIn("rules.json:2:", refused[0])

    def test_edit_keeping_size_and_mtime_is_seen(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0)
        sql = "SELECT product_id FROM sales.products"
        self.write(self.rules_with_default(11))
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 11"))
        st = os.stat(self.rules)
        self.write(self.rules_with_default(22))
        os.utime(self.rules, ns=(st.st_atime_ns, st.st_mtime_ns))
        st2 = os.stat(self.rules)
        self.assertEqual((st.st_size, st.st_mtime_ns), (st2.st_size, st2.st_mtime_ns))
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 22"))

    def test_non_atomic_write_logs_nothing(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0, settle=5)
        sql = "SELECT product_id FROM sales.products"
        text = self.rules_with_default(33)
        self.write("")                      # truncated
        m(sql, database=self.db)
        self.write(text[:40])               # half written
        m(sql, database=self.db)
        self.write(text)
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 33"))
        self.assertEqual([lv for lv in self.log.levels if lv == "ERROR"], [])

    def test_deleted_file_is_logged_once(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0, settle=0.1)
        sql = "SELECT product_id FROM sales.products"
        os.unlink(self.rules)
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 10000"))
        time.sleep(0.15)
        for _ in range(3):
            self.assertTrue(m(sql, database=self.db).endswith("LIMIT 10000"))
        gone = [r for r in self.log.records if "cannot be read" in r]
        self.assertEqual(len(gone), 1)
        self.assertIn("stay in force", gone[0])
        self.write(self.rules_with_default(44))
        self.assertTrue(m(sql, database=self.db).endswith("LIMIT 44"))

    def test_reload_while_threads_call(self):
        """Eight threads call the mutator while the rules file is rewritten
        (sometimes broken): every call gets a valid answer."""
        sql = "SELECT product_id FROM sales.products"
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
                with open(self.rules + ".tmp", "w") as f:
                    f.write(self.rules_with_default(10 + i))
                os.replace(self.rules + ".tmp", self.rules)
                if i % 15 == 0:
                    self.write("{broken")
                time.sleep(0.005)
        finally:
            stop.append(True)
            for t in threads:
                t.join()
        self.assertEqual(errors, [])


class Fork(Base):
    """Item 9: a fork while another thread holds the reload lock."""

    def test_fork_while_reload_lock_is_held(self):
        m = sluice.superset.make_mutator(self.rules, now=NOW, reload_interval=0)
        sql = "SELECT product_id FROM sales.products"
        with open(os.path.join(ROOT, "rules", "superset-example.json")) as f:
            rules = json.load(f)
        rules["limit"]["default"] = 77
        with open(self.rules, "w") as f:
            json.dump(rules, f)
        holding, release = threading.Event(), threading.Event()

        def hold():
            with m._lock:           # a reload in progress
                holding.set()
                release.wait(10)
        t = threading.Thread(target=hold)
        t.start()
        holding.wait(10)
        pid = os.fork()
        if pid == 0:                # the child: the lock must be free, the reload must happen
            code = 1
            try:
                out = m(sql, database=self.db)
                code = 0 if out.endswith("LIMIT 77") else 2
            finally:
                os._exit(code)
        release.set()
        t.join()
        deadline = time.monotonic() + 20
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                self.fail("the child deadlocked")
            time.sleep(0.02)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)


class FreshThrough(unittest.TestCase):
    """Engine.process(fresh_through=): a request's own fresh_through per
    aggregate (docs/routing-stale.md)."""

    def test_request_moves_the_split(self):
        engine = sluice.Engine.from_file(os.path.join(ROOT, "corpus", "routing", "stale",
                                                      "rules.json"))
        sql = ("SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
               "WHERE transaction_date >= DATE '2026-11-10' GROUP BY region")
        r = engine.process(sql, now=NOW, fresh_through={
            "main.sales.revenue_by_day_region": "2026-11-17"})
        self.assertEqual(r.action, sluice.Action.REWRITE)
        self.assertIn("`day` < DATE '2026-11-18' UNION ALL", r.sql)
        self.assertIn("transaction_date >= DATE '2026-11-18') AS transactions", r.sql)
        r = engine.process(sql, now=NOW, fresh_through={"main.sales.nope": "2026-11-17"})
        self.assertEqual(r.action, sluice.Action.REJECT)
        self.assertEqual(r.diagnostics[0].rule, "request")
        with self.assertRaises(ValueError):
            engine.process(sql, fresh_through="2026-11-17")


class OutsideSuperset(unittest.TestCase):
    def test_own_exception_without_superset(self):
        saved = {k: v for k, v in sys.modules.items()
                 if k in ("superset", "flask") or k.startswith("superset.")}
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
