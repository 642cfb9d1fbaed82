"""The binding: API, errors, the layout check, threads."""
import ctypes
import dataclasses
import enum
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import sluice

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
EXAMPLE = os.path.join(ROOT, "rules", "example.json")
NOW = "2026-11-24 12:00:00"


class Api(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = sluice.Engine.from_file(EXAMPLE)

    def test_version(self):
        self.assertRegex(sluice.version(), r"^\d+\.\d+\.\d+$")

    def test_pass_is_byte_identical(self):
        sql = "SELECT  product_id , `Name`  FROM sales.products LIMIT 5 -- note\n"
        r = self.engine.process(sql, now=NOW)
        self.assertEqual(r.action, "pass")
        self.assertEqual(r.sql, sql)
        self.assertEqual(r.tables, ["main.sales.products"])

    def test_rewrite(self):
        r = self.engine.process("SELECT product_id FROM sales.products", now=NOW)
        self.assertEqual(r.action, "rewrite")
        self.assertEqual(r.sql, "SELECT product_id FROM sales.products LIMIT 10000")
        self.assertEqual([d.rule for d in r.diagnostics], ["limit-cap"])
        self.assertEqual(r.diagnostics[0].severity, "info")

    def test_types(self):
        """Action and Severity are enums whose members are also strings;
        a Diagnostic is a dataclass (equality, repr, fields)."""
        self.assertTrue(issubclass(sluice.Action, enum.Enum))
        self.assertTrue(issubclass(sluice.Severity, enum.Enum))
        self.assertTrue(dataclasses.is_dataclass(sluice.Diagnostic))
        r = self.engine.process("SELECT product_id FROM sales.products", now=NOW)
        self.assertIs(r.action, sluice.Action.REWRITE)
        self.assertEqual(r.diagnostics, [sluice.Diagnostic(
            "limit-cap", sluice.Severity.INFO, "the query has no LIMIT; LIMIT 10000 applied",
            1, 1, 0, 0)])
        self.assertEqual([f.name for f in dataclasses.fields(sluice.Diagnostic)],
                         ["rule", "severity", "message", "line", "column", "offset", "statement",
                          "code", "rows_saved"])
        self.assertEqual(json.dumps(r.diagnostics[0].as_dict()),
                         '{"rule": "limit-cap", "severity": "info", "message": "the query has no '
                         'LIMIT; LIMIT 10000 applied", "line": 1, "column": 1, "offset": 0, '
                         '"statement": 0, "code": null, "rows_saved": null}')

    def test_reason_codes(self):
        """Diagnostic.code: the routed diagnostic's code and its estimate of
        rows saved (the rules' rows: 5,000,000,000 for the fact table,
        40,000 for the aggregate); a refusal's code under explain, one per
        aggregate of the table (the smaller first)."""
        r = self.engine.process(
            "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
            "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region", now=NOW)
        routed = [d for d in r.diagnostics if d.rule == "aggregate-routing"]
        self.assertEqual([(d.code, d.rows_saved) for d in routed],
                         [("routed", 5000000000 - 40000)])
        r = self.engine.process(
            "SELECT status, sum(amount) AS revenue FROM main.sales.transactions "
            "WHERE transaction_date >= DATE '2026-11-01' GROUP BY status", now=NOW,
            explain=True)
        self.assertEqual(r.action, "rewrite")
        self.assertEqual([(d.rule, d.code, d.rows_saved) for d in r.diagnostics],
                         [("limit-cap", None, None),
                          ("aggregate-routing", "not_a_dimension", None),
                          ("aggregate-routing", "not_a_dimension", None)])
        self.assertEqual([d.message for d in r.diagnostics[1:]],
                         ["not routed onto main.sales.revenue_by_day_category: "
                          "column status is not a dimension",
                          "not routed onto main.sales.revenue_by_day_region: "
                          "column status is not a dimension"])

    def test_on_miss_reject(self):
        """A table whose on_miss is reject: an aggregate query no aggregate
        answers is refused, the error's code "missed" and its message the
        candidate's code; a routed one runs."""
        rules = json.dumps({
            "sluice": 1,
            "tables": [{"match": "main.sales.transactions", "rows": 1000, "on_miss": "reject"},
                       {"match": "main.sales.by_region", "rows": 10}],
            "aggregates": [{"table": "main.sales.by_region",
                            "query": "SELECT region, SUM(amount) AS revenue "
                                     "FROM main.sales.transactions GROUP BY region"}]})
        engine = sluice.Engine.from_json(rules)
        r = engine.process("SELECT status, sum(amount) AS s FROM main.sales.transactions "
                           "GROUP BY status", now=NOW)
        self.assertIs(r.action, sluice.Action.REJECT)
        self.assertEqual([(d.rule, d.severity, d.code) for d in r.errors()],
                         [("aggregate-routing", sluice.Severity.ERROR, "missed")])
        self.assertEqual(r.errors()[0].message,
                         "this aggregate of main.sales.transactions is answered by no aggregate "
                         "(on_miss: reject): main.sales.by_region: not_a_dimension (column status "
                         "is not a dimension)")
        r = engine.process("SELECT region, sum(amount) AS s FROM main.sales.transactions "
                           "GROUP BY region", now=NOW)
        self.assertIs(r.action, sluice.Action.REWRITE)
        self.assertEqual([(d.code, d.rows_saved) for d in r.diagnostics], [("routed", 990)])

    def test_reject_has_positions(self):
        r = self.engine.process("SELECT *\nFROM sales.transactions\nLIMIT 5", now=NOW)
        self.assertEqual(r.action, "reject")
        self.assertIsNone(r.sql)
        d = r.errors()[0]
        self.assertEqual((d.rule, d.line, d.column, d.statement), ("partition-filter", 2, 6, 0))
        self.assertIn("transaction_date", d.message)
        self.assertEqual(r.tables, [])

    def test_routed_tables(self):
        r = self.engine.process(
            "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
            "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region", now=NOW)
        self.assertEqual(r.action, "rewrite")
        self.assertEqual(r.tables, ["main.sales.revenue_by_day_region"])

    def test_context(self):
        r = self.engine.process("SELECT * FROM campaigns LIMIT 5", catalog="main",
                                schema="marketing", now=NOW)
        self.assertEqual(r.action, "pass")      # main.marketing.campaigns: no rule
        self.assertEqual(r.tables, ["main.marketing.campaigns"])
        # transactions may be main.sales.transactions whatever the schema
        r = self.engine.process("SELECT * FROM transactions LIMIT 5", catalog="main",
                                schema="marketing", now=NOW)
        self.assertEqual(r.action, "reject")

    def test_unicode_and_nul(self):
        r = self.engine.process("SELECT 'café' AS x", now=NOW)
        self.assertEqual(r.action, "pass")
        self.assertEqual(r.sql, "SELECT 'café' AS x")
        r = self.engine.process("SELECT 1\0", now=NOW)
        self.assertEqual(r.action, "reject")
        self.assertEqual(r.diagnostics[0].message, "NUL byte in query text")

    def test_format_and_parse(self):
        self.assertEqual(self.engine.format("select `a`,`Total Sales` from t").sql, "SELECT a, `Total Sales` FROM t")
        self.assertEqual(self.engine.format("select a from t", target="postgres").sql,
                         "SELECT a FROM t")
        self.assertIn('"SelectStmt"', self.engine.parse("SELECT 1").sql)

    def test_bad_mode(self):
        with self.assertRaises(ValueError):
            self.engine.process("SELECT 1", mode="nope")

    def test_actions_are_enums_and_strings(self):
        r = self.engine.process("SELECT product_id FROM sales.products", now=NOW)
        self.assertIs(r.action, sluice.Action.REWRITE)
        self.assertEqual(r.action, "rewrite")
        self.assertEqual(str(r.action), "rewrite")
        self.assertIs(r.diagnostics[0].severity, sluice.Severity.INFO)
        self.assertEqual(r.statements, 1)
        self.assertIs(self.engine.process("SELECT 1", mode=sluice.Mode.FORMAT).action,
                      sluice.Action.PASS)

    def test_source_tables_and_rows(self):
        r = self.engine.process(
            "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
            "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region", now=NOW)
        self.assertEqual(r.tables, ["main.sales.revenue_by_day_region"])
        self.assertEqual(r.source_tables, ["main.sales.transactions"])
        self.assertEqual(r.rows, {"main.sales.revenue_by_day_region": 40000,
                                  "main.sales.transactions": 5000000000})
        self.assertEqual(r.rows_saved(), 5000000000 - 40000)
        r = self.engine.process("SELECT * FROM sales.transactions t JOIN web.page_events e "
                                "ON t.customer_id = e.customer_id", now=NOW)
        self.assertEqual(r.action, "reject")
        self.assertEqual(r.source_tables, ["main.sales.transactions", "main.web.page_events"])
        self.assertEqual(r.rows["main.web.page_events"], None)
        self.assertIsNone(r.rows_saved())

    def test_lineage(self):
        """Result.lineage: one dict per statement (sl_result_lineage_json),
        the routed statement's tables_after naming the aggregate; None for
        a statement that does not parse, and no lineage unless asked."""
        sql = ("SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
               "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region ORDER BY revenue DESC")
        r = self.engine.process(sql, now=NOW, lineage=True)
        self.assertEqual(r.action, "rewrite")
        t = "main.sales.transactions."
        self.assertEqual(r.lineage, [{
            "statement": 0,
            "tables": ["main.sales.transactions"],
            "tables_after": ["main.sales.revenue_by_day_region"],
            "columns": [{"name": "region", "sources": [t + "region"]},
                        {"name": "revenue", "sources": [t + "amount"]}],
            "used": {"filter": [t + "transaction_date"], "join": [], "group": [t + "region"],
                     "order": [t + "amount"]},
            "unresolved": []}])
        # Asking for lineage changes nothing else.
        plain = self.engine.process(sql, now=NOW)
        self.assertIsNone(plain.lineage)
        self.assertEqual((plain.action, plain.sql, plain.diagnostics),
                         (r.action, r.sql, r.diagnostics))
        r = self.engine.process("SELECT 1 AS one; SELEC 2", now=NOW, lineage=True)
        self.assertEqual(r.action, "reject")
        self.assertEqual(len(r.lineage), 2)
        self.assertEqual(r.lineage[0]["columns"], [{"name": "one", "sources": []}])
        self.assertIsNone(r.lineage[1])
        self.assertIsNone(self.engine.process("SELECT 1", mode="format", lineage=True).lineage)

    def test_result_larger_than_the_first_buffer(self):
        """A result past the thread's 64 KiB buffer: the call is made again
        with a buffer that large, and the answer is whole."""
        names = ", ".join("col_%05d" % i for i in range(12000))      # ~130 KiB
        sql = "SELECT %s FROM sales.products" % names
        r = self.engine.process(sql, now=NOW)
        self.assertEqual(r.action, "rewrite")
        self.assertEqual(r.sql, sql + " LIMIT 10000")
        self.assertEqual(r.tables, ["main.sales.products"])

    def test_layout(self):
        sql = "select  product_id\nfrom   sales.products"
        self.assertEqual(self.engine.process(sql, now=NOW).sql,
                         "SELECT product_id FROM sales.products LIMIT 10000")
        self.assertEqual(self.engine.process(sql, now=NOW, layout=sluice.Layout.KEEP).sql,
                         sql + "\nLIMIT 10000")
        with self.assertRaises(ValueError):
            self.engine.process(sql, layout="wide")

    def test_lone_surrogate_is_rejected(self):
        r = self.engine.process("SELECT 'x\udcff' AS y", now=NOW)
        self.assertEqual(r.action, "reject")
        self.assertEqual([d.rule for d in r.diagnostics], ["syntax"])

    def test_explain(self):
        r = self.engine.process("SELECT customer_id, sum(amount) AS s FROM main.sales.transactions "
                                "WHERE transaction_date >= DATE '2026-11-01' GROUP BY customer_id",
                                now=NOW, explain=True)
        self.assertTrue(any("not routed onto" in d.message for d in r.diagnostics))


class Errors(unittest.TestCase):
    def test_rules_error_has_position(self):
        with self.assertRaises(sluice.RulesError) as cm:
            sluice.Engine.from_json('{\n  "sluice": 1,\n  "limits": {}\n}', source="r.json")
        e = cm.exception
        self.assertEqual((e.file, e.line, e.column), ("r.json", 3, 3))
        self.assertIn("unknown key", e.message)
        self.assertTrue(str(e).startswith("r.json:3:3: "))

    def test_rules_file_error(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write('{"sluice": 1, "limit": {"max": 0}}')
        try:
            with self.assertRaises(sluice.RulesError) as cm:
                sluice.Engine.from_file(f.name)
            self.assertEqual(cm.exception.file, f.name)
            self.assertEqual(cm.exception.line, 1)
        finally:
            os.unlink(f.name)
        with self.assertRaises(sluice.RulesError):
            sluice.Engine.from_file("/nonexistent/rules.json")

    def test_library_not_found_lists_paths(self):
        saved = os.environ.get("SLUICE_LIBRARY")
        os.environ["SLUICE_LIBRARY"] = "/nonexistent/libsluice-env.so"
        try:
            # An explicit choice is the only candidate: no fallback.
            self.assertEqual(list(sluice._candidates("/nonexistent/libsluice-arg.so")),
                             [("/nonexistent/libsluice-arg.so", "argument")])
            self.assertEqual(list(sluice._candidates(None)),
                             [("/nonexistent/libsluice-env.so", "SLUICE_LIBRARY")])
            del os.environ["SLUICE_LIBRARY"]
            # The package's own copy first, when it carries one (a wheel).
            bundled = os.path.exists(os.path.join(os.path.dirname(sluice.__file__),
                                                  "libsluice.so"))
            self.assertEqual([o for _, o in sluice._candidates(None)],
                             (["package"] if bundled else []) + ["installed", "build tree"])
        finally:
            if saved is None:
                os.environ.pop("SLUICE_LIBRARY", None)
            else:
                os.environ["SLUICE_LIBRARY"] = saved
        e = sluice.LibraryNotFound([("/a/libsluice.so [argument]", "no such file")])
        self.assertIn("/a/libsluice.so", str(e))

    def test_wrong_sluice_library_is_an_error(self):
        """A SLUICE_LIBRARY that does not load fails, even though the build
        tree holds a library (a fresh interpreter: the library loads once)."""
        code = ("import sluice\n"
                "try:\n"
                "    sluice.load_library()\n"
                "    print('loaded', sluice.library_path())\n"
                "except sluice.LibraryNotFound as e:\n"
                "    print('error', e)\n")
        env = dict(os.environ, SLUICE_LIBRARY="/nonexistent/libsluice.so")
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout
        self.assertTrue(out.startswith("error libsluice not found; tried: "
                                       "/nonexistent/libsluice.so [SLUICE_LIBRARY]"), out)

    def test_path_and_version_logged_at_load(self):
        code = ("import logging, sluice\n"
                "logging.basicConfig(level=logging.INFO, format='%(name)s %(message)s')\n"
                "sluice.load_library()\n")
        lib = os.environ.get("SLUICE_LIBRARY") or sluice.library_path()
        env = dict(os.environ, SLUICE_LIBRARY=lib)
        err = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stderr
        real = os.path.realpath(lib)
        self.assertEqual(err, "sluice sluice: libsluice %s loaded from %s (SLUICE_LIBRARY)\n"
                         % (sluice.version(), real))

    def test_layout_is_checked(self):
        """A library whose structs are smaller than the binding's mirror, or
        without sl_process_packed, is refused."""
        lib = sluice.load_library()

        class Older:
            def __init__(self, **missing):
                self.missing = missing

            def __getattr__(self, name):
                if name in self.missing:
                    return self.missing[name]
                return getattr(lib, name)

        def small():
            return 8
        with self.assertRaises(sluice.SluiceError) as cm:
            sluice._bind(Older(sl_request_size=small))
        self.assertIn("its sl_request has 8 bytes", str(cm.exception))

        class NoPacked(Older):
            def __getattr__(self, name):
                if name == "sl_process_packed":
                    raise AttributeError(name)
                return getattr(lib, name)
        with self.assertRaises(sluice.SluiceError) as cm:
            sluice._bind(NoPacked())
        self.assertIn("has no sl_process_packed", str(cm.exception))
        self.assertEqual(lib.sl_request_size(), ctypes.sizeof(sluice._Request))
        self.assertEqual(lib.sl_diagnostic_size(), ctypes.sizeof(sluice._Diagnostic))

    def test_closed_engine(self):
        e = sluice.Engine.from_json('{"sluice": 1}')
        e.close()
        with self.assertRaises(sluice.SluiceError):
            e.process("SELECT 1")


QUERIES = [
    "SELECT product_id FROM sales.products",
    "SELECT * FROM sales.transactions",
    "SELECT region, sum(amount) AS revenue FROM main.sales.transactions "
    "WHERE transaction_date >= DATE '2026-11-01' GROUP BY region",
    "SELECT page, count(*) AS views FROM web.page_events GROUP BY page LIMIT 10",
    "SELECT p.category, t.amount FROM sales.transactions t JOIN sales.products p "
    "ON p.product_id = t.product_id WHERE t.transaction_date >= current_date() - INTERVAL 7 DAYS",
    "DELETE FROM sales.products",
    "SELECT `broken FROM x",
    "SELECT 1; SELECT 2",
]


def answer(engine, sql):
    r = engine.process(sql, now=NOW)
    return (r.action, r.sql, [(d.rule, d.severity, d.message, d.line, d.column)
                              for d in r.diagnostics], r.tables)


class Budget(unittest.TestCase):
    """Result.scan_bytes: the estimate of the rules' "budget" (the sizes of
    corpus/budget/rules.json: 7.75 GB a day of transactions, 3.4 TB in all,
    an aggregate of 20 MB; the limit 200 GB)."""
    RULES = json.dumps({
        "sluice": 1, "defaults": {"catalog": "main", "schema": "sales"},
        "tables": [
            {"match": "main.sales.transactions", "rows": 5000000000,
             "partition": {"column": "transaction_date", "enforce": "warn"},
             "bytes": 3400000000000, "bytes_per_day": 7750000000},
            {"match": "main.sales.revenue_by_day_region", "rows": 40000, "bytes": 20000000}],
        "aggregates": [{"table": "main.sales.revenue_by_day_region",
                        "query": "SELECT transaction_date AS `date`, region, SUM(amount) AS revenue "
                                 "FROM main.sales.transactions GROUP BY transaction_date, region"}],
        "budget": {"max_bytes": 200000000000}})

    @classmethod
    def setUpClass(cls):
        cls.engine = sluice.Engine.from_json(cls.RULES)

    def test_estimate(self):
        # [2026-11-04, 2026-11-24): 20 days x 7,750,000,000
        r = self.engine.process("SELECT * FROM transactions WHERE transaction_date >= "
                                "current_date() - INTERVAL 20 DAYS", now=NOW)
        self.assertEqual((r.action, r.scan_bytes), ("pass", 155000000000))

    def test_over_the_limit(self):
        # 2025-10-21 .. 2026-11-24 inclusive: 400 days x 7,750,000,000
        r = self.engine.process("SELECT * FROM transactions WHERE transaction_date BETWEEN "
                                "'2025-10-21' AND '2026-11-24'", now=NOW)
        self.assertEqual((r.action, r.scan_bytes), ("reject", 3100000000000))
        self.assertEqual([(d.rule, d.message) for d in r.errors()], [(
            "scan-budget", "~3.1 TB over 400 days of main.sales.transactions; the limit is "
            "200 GB; narrow the time range")])

    def test_routed(self):
        # the same 400 days, routed: the aggregate's 20,000,000 bytes
        r = self.engine.process("SELECT region, sum(amount) AS revenue FROM transactions WHERE "
                                "transaction_date BETWEEN '2025-10-21' AND '2026-11-24' "
                                "GROUP BY region", now=NOW)
        self.assertEqual((r.action, r.scan_bytes), ("rewrite", 20000000))

    def test_none_without_budget(self):
        r = sluice.Engine.from_json('{"sluice": 1}').process("SELECT * FROM t", now=NOW)
        self.assertIsNone(r.scan_bytes)


class Threads(unittest.TestCase):
    def test_sixteen_threads_share_one_engine(self):
        engine = sluice.Engine.from_file(EXAMPLE)
        expected = {q: answer(engine, q) for q in QUERIES}
        failures = []

        def work(seed):
            for i in range(300):
                q = QUERIES[(seed + i) % len(QUERIES)]
                got = answer(engine, q)
                if got != expected[q]:
                    failures.append((q, got))
        threads = [threading.Thread(target=work, args=(k,)) for k in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


if __name__ == "__main__":
    unittest.main()
