"""sluice as Superset's SQL_QUERY_MUTATOR.

In superset_config.py:

    import sluice.superset
    SQL_QUERY_MUTATOR = sluice.superset.make_mutator("/etc/sluice/rules.json")

Superset calls the mutator as mutator(sql, security_manager=..., database=...)
for every chart query and every SQL Lab statement (Superset 6.1,
Database.mutate_sql_based_on_config).  The mutator returns the SQL to run,
or raises QueryObjectValidationError with a message a dashboard author can
act on: charts show it as "Error: ...", SQL Lab as the query's error.

What it does per call:
  - only for the configured backends (default: databricks); any other
    database's SQL passes through untouched;
  - the request context: the user from superset.utils.core.get_username()
    (else security_manager.current_user), catalog and schema from the
    operator's settings, else database.get_default_catalog() /
    get_default_schema(catalog) (Superset passes neither);
  - rules reload: when the rules file changes (checked at most once per
    `reload_interval` seconds), a new engine is built and swapped in; a
    broken file keeps the old engine and logs the error with its position;
  - internal errors: fail="closed" (default) rejects the query with a
    message, fail="open" runs the original SQL and logs that it did;
  - audit: one JSON record per call on the "sluice.audit" logger: time,
    user, database, action, rule ids, the tables the SQL to run reads,
    duration in microseconds, SHA-256 of input and output SQL (the SQL
    text itself only with audit_sql=True).
The output is deterministic for a given input and rules file: rewrites
keep relative dates relative (current_date() - INTERVAL ...), because
Superset's cache key is computed before the mutator runs.
"""
import hashlib
import json
import logging
import os
import threading
import time

import sluice

log = logging.getLogger("sluice")
audit_log = logging.getLogger("sluice.audit")


class QueryObjectValidationError(Exception):
    """Raised outside Superset, where superset.exceptions is not importable."""


def _rejection_class():
    """Superset's QueryObjectValidationError, imported lazily (its module
    imports much of Superset); the binding's own class outside Superset."""
    try:
        from superset.exceptions import QueryObjectValidationError as qove
        return qove
    except Exception:  # not running inside Superset
        return QueryObjectValidationError


def _current_user(security_manager):
    try:
        from superset.utils.core import get_username
        name = get_username()
        if name:
            return name
    except Exception:
        pass
    user = getattr(security_manager, "current_user", None)
    for attr in ("username", "name"):
        value = getattr(user, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def _call(obj, name, *args):
    fn = getattr(obj, name, None)
    if not callable(fn):
        return None
    try:
        value = fn(*args)
    except Exception:
        return None
    return value if isinstance(value, str) and value else None


class Mutator:
    """The callable make_mutator() returns."""

    def __init__(self, rules_path, *, backends=("databricks",), catalog=None, schema=None,
                 fail="closed", reload_interval=5.0, audit_sql=False, library=None,
                 explain=False, now=None):
        if fail not in ("closed", "open"):
            raise ValueError('fail must be "closed" or "open"')
        self.rules_path = os.fspath(rules_path)
        self.backends = {b.lower() for b in backends} if backends is not None else None
        self.catalog, self.schema = catalog, schema
        self.fail = fail
        self.reload_interval = reload_interval
        self.audit_sql = audit_sql
        self.library = library
        self.explain = explain
        self.now = now
        self._lock = threading.Lock()
        self._stamp = None
        self._checked = 0.0
        # A rules file that does not load at start-up is an error now:
        # never start without guardrails.
        self._engine = sluice.Engine.from_file(self.rules_path, library=library)
        self._stamp = self._file_stamp()

    # -- rules reload -------------------------------------------------------

    def _file_stamp(self):
        try:
            st = os.stat(self.rules_path)
            return (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            return None

    def engine(self):
        """The current engine, rebuilt when the rules file has changed."""
        now = time.monotonic()
        if now - self._checked < self.reload_interval:
            return self._engine
        with self._lock:
            if now - self._checked < self.reload_interval:
                return self._engine
            self._checked = now
            stamp = self._file_stamp()
            if stamp is None or stamp == self._stamp:
                return self._engine
            try:
                new = sluice.Engine.from_file(self.rules_path, library=self.library)
            except sluice.RulesError as e:
                log.error("sluice: %s: the new rules file is refused, the previous rules stay "
                          "in force: %s", self.rules_path, e)
                self._stamp = stamp     # report a broken file once, not on every call
                return self._engine
            self._engine = new          # the old engine is freed with its last reference
            self._stamp = stamp
            log.info("sluice: reloaded %s", self.rules_path)
            return new

    # -- the call ------------------------------------------------------------

    def __call__(self, sql, *args, **kwargs):
        database = kwargs.get("database")
        security_manager = kwargs.get("security_manager")
        backend = getattr(database, "backend", None)
        if self.backends is not None and (not isinstance(backend, str) or
                                          backend.lower() not in self.backends):
            return sql
        started = time.perf_counter()
        user = _current_user(security_manager)
        catalog = self.catalog or _call(database, "get_default_catalog")
        schema = self.schema or _call(database, "get_default_schema", catalog)
        try:
            result = self.engine().process(sql, catalog=catalog, schema=schema, user=user,
                                           now=self.now, explain=self.explain)
        except Exception as e:  # an engine error, not a verdict on the SQL
            self._audit(sql, None, "error", [], [], user, database, started)
            if self.fail == "open":
                log.error("sluice: internal error, the query runs unchecked (fail=open): %s", e)
                return sql
            raise _rejection_class()("sluice could not check this query (%s); it was not run"
                                     % e)
        out = result.sql if result.action != "reject" else None
        self._audit(sql, out, result.action, [d.rule for d in result.diagnostics],
                    result.tables, user, database, started)
        if result.action == "reject":
            raise _rejection_class()(self.message(result))
        return out

    @staticmethod
    def message(result):
        """The rejection as a dashboard author reads it: each error, with the
        line and column in the query when it has more than one line."""
        parts = []
        for d in result.errors():
            parts.append("%s (line %d, column %d) [%s]" % (d.message, d.line, d.column, d.rule))
        return "; ".join(parts) or "rejected by sluice"

    def _audit(self, sql, out, action, rules, tables, user, database, started):
        if not audit_log.isEnabledFor(logging.INFO):
            return
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "user": user,
            "database": getattr(database, "database_name", None) or getattr(database, "backend", None),
            "action": action,
            "rules": sorted(set(rules)),
            "tables": tables,
            "duration_us": int((time.perf_counter() - started) * 1e6),
            "sql_sha256": hashlib.sha256(sql.encode("utf-8")).hexdigest(),
            "output_sha256": hashlib.sha256(out.encode("utf-8")).hexdigest() if out else None,
        }
        if self.audit_sql:
            record["sql"] = sql
            record["output"] = out
        audit_log.info(json.dumps(record, sort_keys=True))


def make_mutator(rules_path, **options):
    """SQL_QUERY_MUTATOR for superset_config.py; see Mutator for options."""
    return Mutator(rules_path, **options)
