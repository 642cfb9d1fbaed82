"""sluice as Superset's SQL_QUERY_MUTATOR.

In superset_config.py:

    import sluice.superset
    SQL_QUERY_MUTATOR = sluice.superset.make_mutator("/etc/sluice/rules.json")

Superset (4.1 or later; see docs/superset.md) calls the mutator as
mutator(sql, security_manager=..., database=...) from
Database.mutate_sql_based_on_config.  The mutator returns the SQL to run, or
raises QueryObjectValidationError with a message a dashboard author can act
on: charts show it as "Error: ...", SQL Lab as the query's error.

What this module owns, each in one place:
  - coverage (Coverage): on first use inside Superset, which of Superset's
    paths its settings leave unmutated; an ERROR naming them, and with
    fail="closed" a refusal of every query until the settings or
    `unchecked_paths` say otherwise;
  - the request context (Context): the catalog and schema Superset runs
    the query under (the SQL Lab query's, the dataset's, the connection's
    as get_df/execute received them, from the call stack; else Flask's
    request; else the connection URI's defaults, cached per database id
    and URI), never a round trip to the warehouse;
  - rules reload (Mutator.engine): by content digest, at most once per
    `reload_interval` seconds; a deleted, half-written or broken file keeps
    the loaded rules and is reported once it has stayed so for `settle`
    seconds;
  - attribution (attribution_ids, attribution_source): the dashboard, chart
    and front end a query is for, passed to the engine, whose rules may write
    them into an attribution comment for Databricks' query history;
  - audit and metrics (Mutator._record): one JSON record per call on the
    "sluice.audit" logger, counters and a latency timing through Superset's
    STATS_LOGGER or a callable; neither ever raises into Superset;
  - fork safety: every lock is re-created in a forked child.
The output is deterministic for a given input and rules file: rewrites
keep relative dates relative (current_date() - INTERVAL ...), because
Superset's cache key is computed before the mutator runs.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
import time
import weakref
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple
from urllib.parse import parse_qs, unquote, urlsplit

import sluice
from sluice import Action

log = logging.getLogger("sluice")
audit_log = logging.getLogger("sluice.audit")


class QueryObjectValidationError(Exception):
    """Raised outside Superset, where superset.exceptions is not importable."""


def _rejection_class() -> type:
    """Superset's QueryObjectValidationError, imported lazily (its module
    imports much of Superset); the binding's own class outside Superset."""
    try:
        from superset.exceptions import QueryObjectValidationError as qove
        found: type = qove
        return found
    except Exception:  # not running inside Superset
        return QueryObjectValidationError


def _current_user(security_manager: Any) -> Optional[str]:
    try:
        from superset.utils.core import get_username
        name = get_username()
        if isinstance(name, str) and name:
            return name
    except Exception:
        pass
    user = getattr(security_manager, "current_user", None)
    for attr in ("username", "name"):
        value = getattr(user, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def _current_groups(security_manager: Any) -> List[str]:
    """The names of the current user's roles (security_manager.get_user_roles()),
    which the rules' row filters and bypass list name as groups.  An error
    reading them is raised (the query is then refused as an internal error,
    never run without the filters the roles would select); a security
    manager without get_user_roles (outside Superset) gives no groups."""
    get_roles = getattr(security_manager, "get_user_roles", None)
    if get_roles is None:
        return []
    names = []
    for role in get_roles() or ():
        name = getattr(role, "name", role)
        if isinstance(name, str) and name:
            names.append(name)
    return names


# ---------------------------------------------------------------------------
# Coverage: which of Superset's paths call the mutator under its settings.
#
# Superset 6.1 calls SQL_QUERY_MUTATOR only from
# Database.mutate_sql_based_on_config(sql, is_split), and only when
# is_split == MUTATE_AFTER_SPLIT.  Each path's callers pass is_split as
# below; a row is (path, what runs on it, is it mutated under config c).

PATHS: Tuple[Tuple[str, str, Callable[[Dict[str, bool]], bool]], ...] = (
    ("charts", "chart and dashboard queries (get_query_str_extended before the split, "
     "get_df after it)", lambda c: True),
    ("sql_lab", "SQL Lab statements (sql_lab.execute_sql_statements, is_split=False)",
     lambda c: not c["MUTATE_AFTER_SPLIT"]),
    ("explore_probes", "Explore's probes: the custom-SQL x-axis type probe, adhoc-column "
     "filter probes, expression validation (is_split=False)",
     lambda c: not c["MUTATE_AFTER_SPLIT"]),
    ("alerts", "alert queries (is_split=False only with MUTATE_ALERT_QUERY; get_df after the "
     "split)", lambda c: c["MUTATE_AFTER_SPLIT"] or c["MUTATE_ALERT_QUERY"]),
    ("database_execute", "Database.execute(), the MCP execute_sql tool (is_split=True)",
     lambda c: c["MUTATE_AFTER_SPLIT"]),
)
PATH_NAMES = tuple(p[0] for p in PATHS)
SETTINGS = {"MUTATE_AFTER_SPLIT": False, "MUTATE_ALERT_QUERY": False}   # Superset's defaults


def unchecked_paths(config: Any) -> List[str]:
    """Returns the names of the paths (PATH_NAMES) that Superset's settings
    in `config` leave unmutated."""
    c: Dict[str, bool] = {}
    for key, default in SETTINGS.items():
        try:
            c[key] = bool(config.get(key, default))
        except Exception:
            c[key] = default
    return [name for name, _, covered in PATHS if not covered(c)]


def _superset_config() -> Tuple[Optional[Any], str]:
    """(Flask's current_app.config, "") inside a Superset app context;
    (None, why) outside one."""
    try:
        import flask
    except Exception:
        return None, "flask is not importable"
    try:
        if not flask.has_app_context():
            return None, "no Flask app context"
        return flask.current_app.config, ""
    except Exception as e:
        return None, "current_app.config is not readable (%s)" % e


# ---------------------------------------------------------------------------
# Context: the catalog and schema Superset runs the query under.

_MISSING = object()
# Locals of the frames that lead to mutate_sql_based_on_config holding the
# object whose catalog and schema Superset applies on the connection: the
# SQL Lab Query (sql_lab.execute_sql_statements: `query`), the dataset or
# query datasource (ExploreMixin.get_query_str_extended and the probes:
# `self`).  The object must belong to the database the mutator was given.
CONTEXT_LOCALS: Tuple[Tuple[str, str], ...] = (("query", "sql_lab"), ("self", "dataset"),
                                               ("datasource", "dataset"))
STACK_DEPTH = 12
_FRAME_NAMES = frozenset(name for name, _ in CONTEXT_LOCALS)    # "self" among them


def _same_database(obj: Any, database: Any) -> bool:
    db = getattr(obj, "database", _MISSING)
    if db is database:
        return True
    db_id = getattr(obj, "database_id", _MISSING)
    return db_id is not _MISSING and db_id is not None and db_id == getattr(database, "id", None)


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


Found = Tuple[Optional[str], Optional[str], str, Optional[List[str]]]
# (catalog, schema, where the catalog came from, where the schema came from)
Context = Tuple[Optional[str], Optional[str], str, str]


def database_time_zone(database: Any, default: Optional[str]) -> Optional[str]:
    """The session time zone the database's queries run in: the
    spark.sql.session.timeZone its connection sets (Superset's extra ->
    engine_params -> connect_args -> session_configuration, as the
    Databricks SQL connector takes it), else the mutator's time_zone.
    Aggregate routing uses an aggregate over TIMESTAMP buckets only when
    this is the aggregate's time_zone."""
    try:
        extra = database.get_extra() if hasattr(database, "get_extra") else \
            json.loads(getattr(database, "extra", None) or "{}")
        conf = extra["engine_params"]["connect_args"]["session_configuration"]
        for key, value in conf.items():
            if key.lower() == "spark.sql.session.timezone" and isinstance(value, str):
                return value
    except Exception:
        pass
    return default


def context_from_stack(database: Any, frame: Any) -> Optional[Found]:
    """Returns (catalog, schema, origin, blocks) from the nearest caller frame that
    holds Superset's context, or None.  A frame of the database's own
    methods with `catalog`/`schema` locals (get_df, execute: they open the
    connection with them) counts as origin "connection".  `blocks` is SQL
    Lab's list of the script's statements when the frame holds one with
    more than one (sql_lab.execute_sql_statements: `blocks`), else None."""
    depth = 0
    while frame is not None and depth < STACK_DEPTH:
        if _FRAME_NAMES.isdisjoint(frame.f_code.co_varnames):
            frame = frame.f_back
            depth += 1
            continue
        f_locals = frame.f_locals
        me = f_locals.get("self", _MISSING)
        if me is database:
            if "schema" in f_locals or "catalog" in f_locals:
                return (_text(f_locals.get("catalog")), _text(f_locals.get("schema")), "connection",
                        None)
        else:
            for name, origin in CONTEXT_LOCALS:
                obj = f_locals.get(name, _MISSING)
                if obj is _MISSING or obj is database:
                    continue
                schema = getattr(obj, "schema", _MISSING)
                if schema is _MISSING or not _same_database(obj, database):
                    continue
                blocks = f_locals.get("blocks") if origin == "sql_lab" else None
                if not (isinstance(blocks, list) and len(blocks) > 1
                        and all(isinstance(b, str) for b in blocks)):
                    blocks = None
                return _text(getattr(obj, "catalog", None)), _text(schema), origin, blocks
        frame = frame.f_back
        depth += 1
    return None


def context_from_request(database: Any) -> Optional[Found]:
    """Returns (catalog, schema, "request", None) from the JSON body of the Flask request
    being served (SQL Lab's execute call carries database_id, catalog and
    schema), when it names this database; else None."""
    flask = sys.modules.get("flask")
    if flask is None:
        return None
    try:
        if not flask.has_request_context():
            return None
        body = flask.request.get_json(silent=True)
    except Exception:
        return None
    if not isinstance(body, dict) or "schema" not in body:
        return None
    db_id = body.get("database_id", body.get("dbId"))
    if db_id is None or db_id != getattr(database, "id", None):
        return None
    return _text(body.get("catalog")), _text(body.get("schema")), "request", None


def uri_defaults(uri: Optional[str], extra: Any = None) -> Tuple[Optional[str], Optional[str]]:
    """Returns (catalog, schema), each None if unnamed: the defaults a connection URI names: its
    `catalog` and `schema` query parameters (databricks://...?catalog=main
    &schema=sales), else a path segment as the schema (hive-style
    .../default), else engine_params.connect_args in the database's extra
    JSON.  No connection is opened."""
    catalog = schema = None
    if isinstance(uri, str) and uri:
        try:
            parts = urlsplit(uri)
            q = parse_qs(parts.query)
            catalog = _text(q["catalog"][0] if q.get("catalog") else None)
            schema = _text(q["schema"][0] if q.get("schema") else None)
            path = unquote(parts.path.strip("/"))
            if schema is None and parts.scheme and parts.netloc and path and "/" not in path:
                schema = path
        except ValueError:
            pass
    if (catalog is None or schema is None) and extra:
        try:
            args = json.loads(extra) if isinstance(extra, str) else extra
            args = args.get("engine_params", {}).get("connect_args", {})
            catalog = catalog or _text(args.get("catalog"))
            schema = schema or _text(args.get("schema"))
        except (ValueError, AttributeError, TypeError):
            pass
    return catalog, schema


# ---------------------------------------------------------------------------
# Attribution: the dashboard and chart a query is for (the rules' attribution
# comment writes them; docs/budget-and-attribution.md).

ATTRIBUTION_STACK_DEPTH = 40


def _id(value: Any) -> Optional[str]:
    """A Superset id as text: an int, or a string of digits; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    return None


def _form_data(value: Any) -> Dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def attribution_ids(frame: Any = None) -> Tuple[Optional[str], Optional[str]]:
    """Returns (dashboard_id, chart_id) of the chart query being served, each
    None when unknown: from the form data Superset's own access check reads
    (security_manager.raise_for_access: form_data "dashboardId" and
    "slice_id"), in the chart data API's JSON body ({"form_data": {...}}),
    the legacy endpoints' ?form_data=<json>, ?dashboard_id= and ?slice_id=, or,
    outside a request (async queries run by a worker), a QueryContext
    (`query_context` with its form_data) on the call stack."""
    dashboard = chart = None
    flask = sys.modules.get("flask")
    try:
        if flask is not None and flask.has_request_context():
            body = flask.request.get_json(silent=True)
            form = _form_data(body.get("form_data")) if isinstance(body, dict) else {}
            args = getattr(flask.request, "args", None) or {}
            if not form:
                form = _form_data(args.get("form_data"))
            dashboard = _id(form.get("dashboardId")) or _id(args.get("dashboard_id"))
            chart = _id(form.get("slice_id")) or _id(args.get("slice_id"))
    except Exception:
        pass
    depth = 0
    while frame is not None and depth < ATTRIBUTION_STACK_DEPTH and not (dashboard or chart):
        if "query_context" in frame.f_code.co_varnames:
            form = _form_data(getattr(frame.f_locals.get("query_context"), "form_data", None))
            dashboard, chart = _id(form.get("dashboardId")), _id(form.get("slice_id"))
        frame = frame.f_back
        depth += 1
    return dashboard, chart


def attribution_source(context: Context, chart: Optional[str]) -> str:
    """The front end a query comes from, as the attribution comment names it:
    "sql_lab", "chart" (a dataset's query, or any query with a chart id),
    else "superset"."""
    if context[3] == "sql_lab":
        return "sql_lab"
    if context[3] == "dataset" or chart is not None:
        return "chart"
    return "superset"


# ---------------------------------------------------------------------------
# Metrics: StatsD-style names, through STATS_LOGGER or a callable.

METRIC_PREFIX = "sluice"


class _Metrics:
    """incr/timing to a STATS_LOGGER-like object (incr(key), timing(key,
    value)) or a callable(kind, name, value); swallowing every error."""

    def __init__(self, sink: Any):
        self.sink = sink

    def emit(self, kind: str, name: str, value: float = 1) -> None:
        sink = self.sink
        if sink is None:
            return
        key = METRIC_PREFIX + "." + name
        try:
            if callable(sink) and not hasattr(sink, "incr"):
                sink(kind, key, value)
            elif kind == "incr":
                sink.incr(key)
            else:
                sink.timing(key, value)
        except Exception:
            pass


_MUTATORS: "weakref.WeakSet[Mutator]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # A fork while another thread held a mutator's lock (a reload in
    # progress) would leave the child a lock that is never released.
    for m in list(_MUTATORS):
        m._lock = threading.Lock()
        m._once_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _sha256(text: Any) -> Optional[str]:
    if text is None:
        return None
    try:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    except Exception:
        data = repr(text).encode("utf-8", "backslashreplace")
    return hashlib.sha256(data).hexdigest()


def _words_at(data: bytes, offset: int, limit: int = 60) -> str:
    """The text from offset to the end of its line, at most limit
    characters, cut at a word boundary: what a diagnostic points at."""
    if offset is None or offset < 0 or offset >= len(data):
        return ""
    end = offset
    while end < len(data) and data[end] not in b"\r\n" and end - offset < limit:
        end += 1
    text = data[offset:end].decode("utf-8", "replace").strip()
    if end < len(data) and data[end] not in b"\r\n" and " " in text:
        text = text.rsplit(" ", 1)[0] + " ..."
    return text


class Mutator:
    """The callable make_mutator() returns.

    Options: backends (default ("databricks",); None for every database),
    catalog and schema (fixed context, overriding what Superset exposes),
    fail ("closed": an internal error, a database the mutator cannot use or
    an uncovered path refuses the query; "open": the original SQL runs and
    the error is logged), unchecked_paths (paths of PATH_NAMES the operator
    knowingly leaves unmutated), reload_interval and settle (seconds),
    audit_sql, metrics (None: Superset's STATS_LOGGER when there is one; a
    callable(kind, name, value) or an object with incr/timing; False: off),
    explain, now, library, layout (how a rewritten query is laid out:
    sluice.Layout.KEEP by default, so SQL Lab shows the author's own text
    with only the rewritten parts changed; COMPACT or PRETTY)."""

    def __init__(self, rules_path: Any, *, backends: Optional[Iterable[str]] = ("databricks",),
                 catalog: Optional[str] = None, schema: Optional[str] = None,
                 fail: str = "closed", unchecked_paths: Iterable[str] = (),
                 reload_interval: float = 5.0, settle: float = 2.0, audit_sql: bool = False,
                 metrics: Any = None, library: Optional[str] = None, explain: bool = False,
                 now: Optional[str] = None, layout: Any = sluice.Layout.KEEP,
                 time_zone: Optional[str] = None):
        if fail not in ("closed", "open"):
            raise ValueError('fail must be "closed" or "open"')
        accepted = set(unchecked_paths)
        unknown = accepted - set(PATH_NAMES)
        if unknown:
            raise ValueError("unchecked_paths: unknown path(s) %s; the paths are %s"
                             % (", ".join(sorted(unknown)), ", ".join(PATH_NAMES)))
        self.rules_path = os.fspath(rules_path)
        self.backends = {b.lower() for b in backends} if backends is not None else None
        self.catalog, self.schema = catalog, schema
        self.fail = fail
        self.accepted_unchecked = accepted
        self.reload_interval = reload_interval
        self.settle = settle
        self.audit_sql = audit_sql
        self.library = library
        self.explain = explain
        self.now = now
        self.time_zone = time_zone
        self.layout = sluice.Layout(layout)
        self._metrics_option = metrics
        self.metrics = _Metrics(metrics if metrics not in (None, False) else None)
        self._lock = threading.Lock()
        self._once_lock = threading.Lock()
        self._once: set[Any] = set()
        self._checked = 0.0
        self._problem: Optional[Tuple[str, float]] = None     # (what, since) of a bad file
        self._reported: Optional[str] = None
        self._configured = False
        self._refusal: Optional[str] = None
        self._uri_cache: Dict[Tuple[Any, Any, Any], Tuple[Optional[str], Optional[str]]] = {}
        # A rules file that does not load at start-up is an error now:
        # never start without guardrails.
        self._engine = sluice.Engine.from_file(self.rules_path, library=library)
        log.info("sluice: rules %s loaded (sha256 %s); libsluice %s from %s", self.rules_path,
                 self._engine.digest, sluice.version(library), library or sluice.library_path())
        _MUTATORS.add(self)

    # -- logging once --------------------------------------------------------

    def _log_once(self, key: Any, level: int, msg: str, *args: Any) -> None:
        with self._once_lock:
            if key in self._once:
                return
            self._once.add(key)
        log.log(level, msg, *args)

    # -- rules reload -------------------------------------------------------

    def engine(self) -> sluice.Engine:
        """Returns the current engine, rebuilt when the rules file's content has
        changed (a SHA-256 of the text, so an edit that keeps size and mtime
        is seen).  One thread checks; the others use the current engine
        meanwhile."""
        now = time.monotonic()
        if now - self._checked < self.reload_interval or not self._lock.acquire(blocking=False):
            return self._engine
        try:
            if now - self._checked < self.reload_interval:
                return self._engine
            self._checked = now
            self._reload(now)
            return self._engine
        finally:
            self._lock.release()

    def _reload(self, now: float) -> None:
        current = self._engine
        try:
            with open(self.rules_path, "rb") as f:
                data = f.read()
        except OSError as e:
            self._trouble(now, "missing", "sluice: %s: the rules file cannot be read (%s); the "
                          "rules loaded at %s (sha256 %s) stay in force", self.rules_path,
                          e.strerror or e, current.loaded_at_iso, current.digest)
            return
        digest = hashlib.sha256(data).hexdigest()
        if digest == current.digest:
            self._problem = self._reported = None
            return
        try:
            new = sluice.Engine.from_json(data, source=self.rules_path, library=self.library)
        except sluice.RulesError as e:
            self._trouble(now, digest, "sluice: %s: the new rules file is refused, the previous "
                          "rules (sha256 %s) stay in force: %s", self.rules_path, current.digest, e)
            return
        self._engine = new              # the old engine is freed with its last reference
        self._problem = self._reported = None
        log.info("sluice: reloaded %s (sha256 %s)", self.rules_path, new.digest)

    def _trouble(self, now: float, what: str, msg: str, *args: Any) -> None:
        """A missing or broken rules file is reported once it has stayed so
        for `settle` seconds: a writer that truncates and rewrites the file
        in place, or replaces it by delete-and-create, is not an error."""
        if self._problem is None or self._problem[0] != what:
            self._problem = (what, now)
        if self._reported != what and now - self._problem[1] >= self.settle:
            self._reported = what
            log.error(msg, *args)

    # -- first use inside Superset ---------------------------------------------

    def _configure(self) -> None:
        """Read Superset's settings once, in the first call made inside an
        app context: which paths they leave unchecked, and STATS_LOGGER."""
        config, why = _superset_config()
        if config is None:
            if why == "flask is not importable":
                self._configured = True         # not inside Superset: nothing to read
            return
        self._configured = True
        if self._metrics_option is None:
            try:
                self.metrics.sink = config.get("STATS_LOGGER")
            except Exception:
                pass
        gaps = [p for p in unchecked_paths(config) if p not in self.accepted_unchecked]
        if not gaps:
            return
        settings = ", ".join("%s=%s" % (k, bool(config.get(k, v))) for k, v in SETTINGS.items())
        detail = "; ".join("%s: %s" % (name, what) for name, what, _ in PATHS if name in gaps)
        self._refusal = ("Superset's settings (%s) leave queries on these paths unchecked by sluice: "
                         "%s. Change the settings, or name the paths in make_mutator(..., "
                         "unchecked_paths=[...]) to accept the gap" % (settings, detail))
        if self.fail == "closed":
            log.error("sluice: %s; every query is refused (fail=closed) until then", self._refusal)
        else:
            log.error("sluice: %s (fail=open: queries on the other paths run checked)", self._refusal)
            self._refusal = None

    # -- the request context ---------------------------------------------------

    def context(self, database: Any, frame: Any = None) -> Tuple[Context, Optional[List[str]]]:
        """Returns ((catalog, schema, where the catalog came from, where the schema
        came from), SQL Lab's blocks or None).  Each part is the first of:
        the operator's option ("option"); what Superset runs the query
        under, from the call stack ("sql_lab", "dataset", "connection") or
        Flask's request ("request"); the connection URI's default ("uri");
        else None, and the rules file's "defaults" apply ("rules")."""
        found = None
        try:
            found = context_from_stack(database, frame) or context_from_request(database)
        except Exception:
            found = None
        catalog, schema, origin, blocks = found if found else (None, None, "", None)
        uri: Tuple[Optional[str], Optional[str]] = (None, None)
        if (self.catalog is None and catalog is None) or (self.schema is None and schema is None):
            uri = self._uri_defaults(database)
        parts: List[Tuple[Optional[str], str]] = []
        for option, seen, default in ((self.catalog, catalog, uri[0]),
                                      (self.schema, schema, uri[1])):
            if option is not None:
                parts.append((option, "option"))
            elif seen is not None:
                parts.append((seen, origin))
            elif default is not None:
                parts.append((default, "uri"))
            else:
                parts.append((None, "rules"))
        return (parts[0][0], parts[1][0], parts[0][1], parts[1][1]), blocks

    def _uri_defaults(self, database: Any) -> Tuple[Optional[str], Optional[str]]:
        uri = getattr(database, "sqlalchemy_uri", None)
        extra = getattr(database, "extra", None)
        key = (getattr(database, "id", None), uri, extra if isinstance(extra, str) else None)
        hit = self._uri_cache.get(key)
        if hit is None:
            hit = uri_defaults(uri, extra)
            if len(self._uri_cache) > 1000:
                self._uri_cache.clear()
            self._uri_cache[key] = hit
            if hit[0] is None or hit[1] is None:
                self._log_once(("uri", key[0], uri), logging.WARNING,
                               "sluice: database %s: the connection URI names no default %s; "
                               "unqualified table names resolve with the rules file's "
                               "\"defaults\" unless Superset names them for the query",
                               _database_name(database),
                               " or ".join(n for n, v in zip(("catalog", "schema"), hit) if v is None))
        return hit

    # -- the call ------------------------------------------------------------

    def __call__(self, sql: Any, *args: Any, **kwargs: Any) -> Any:
        """Superset's call (sql, database=..., ...): returns the SQL to run,
        the input or the rules' rewrite; raises QueryObjectValidationError
        when the rules refuse it (or, with fail="closed", when it cannot be
        checked)."""
        started = time.perf_counter()
        database = kwargs.get("database")
        backend = getattr(database, "backend", None)
        if not isinstance(backend, str):
            return self._unusable_database(sql, database, started)
        if self.backends is not None and backend.lower() not in self.backends:
            return sql
        if not self._configured:
            self._configure()
        user = _current_user(kwargs.get("security_manager"))
        if self._refusal is not None:
            self._record(sql, None, "refused", user, database, started, error=self._refusal)
            raise _rejection_class()("sluice refuses this query: " + self._refusal)
        context, blocks = self.context(database, sys._getframe(1))
        engine = self.engine()
        try:
            refusal = None
            groups = _current_groups(kwargs.get("security_manager"))
            if blocks is not None and sql == blocks[0]:
                refusal = self._check_script(blocks, engine, context, user, database, started,
                                             groups)
            if refusal is None:
                dashboard, chart = attribution_ids(sys._getframe(1))
                result = engine.process(sql, catalog=context[0], schema=context[1], user=user,
                                        groups=groups, now=self.now, explain=self.explain,
                                        layout=self.layout, dashboard_id=dashboard, chart_id=chart,
                                        source=attribution_source(context, chart),
                                        time_zone=database_time_zone(database, self.time_zone))
        except Exception as e:  # an engine error, not a verdict on the SQL
            return self._internal_error(sql, e, user, database, started, engine, context)
        if refusal is not None:
            raise _rejection_class()(refusal)
        self._record(sql, result, result.action.value, user, database, started, engine=engine,
                     context=context)
        if result.action is Action.REJECT:
            raise _rejection_class()(self.message(result, sql))
        return result.sql

    def _check_script(self, blocks: List[str], engine: sluice.Engine, context: Context,
                      user: Optional[str], database: Any, started: float,
                      groups: Optional[List[str]] = None) -> Optional[str]:
        """SQL Lab runs a script one statement at a time, each through the
        mutator.  Before the first runs, the whole script is checked as one
        request: a script any of whose statements would be refused (or that
        the rules refuse for having several statements, statements.multiple)
        is refused before anything runs, instead of after its first
        statements have.  Returns the refusal's message, or None."""
        script = ";\n".join(blocks)
        result = engine.process(script, catalog=context[0], schema=context[1], user=user,
                                groups=groups, now=self.now, explain=self.explain)
        if result.action is not Action.REJECT:
            return None
        self._record(script, result, "reject", user, database, started, engine=engine,
                     context=context)
        return ("this script of %d statements is refused before any of them runs: %s"
                % (len(blocks), "; ".join("statement %d: %s [%s]" % (d.statement + 1, d.message,
                                                                    d.rule)
                                          for d in result.errors())))

    def _unusable_database(self, sql: Any, database: Any, started: float) -> Any:
        """Superset always passes database=; without a usable one (an older
        Superset calling positionally, a caller outside Superset) the
        backend is unknown and the query is not checked."""
        why = ("no database= keyword argument" if database is None
               else "database=%r has no backend" % type(database).__name__)
        self._log_once(("database", why), logging.ERROR,
                       "sluice: the mutator was called with %s (Superset 4.1 or later passes "
                       "database=); %s", why, "such queries are refused (fail=closed)"
                       if self.fail == "closed" else "such queries run unchecked (fail=open)")
        self._record(sql, None, "error", None, database, started,
                     error="no usable database: " + why)
        if self.fail == "open":
            return sql
        raise _rejection_class()("sluice could not check this query (%s); it was not run" % why)

    def _internal_error(self, sql: Any, e: Exception, user: Optional[str], database: Any,
                        started: float, engine: sluice.Engine, context: Context) -> Any:
        self._record(sql, None, "error", user, database, started, engine=engine, context=context,
                     error=_safe_str(e))
        if self.fail == "open":
            log.error("sluice: internal error, the query runs unchecked (fail=open): %s",
                      _safe_str(e))
            return sql
        raise _rejection_class()("sluice could not check this query (%s); it was not run"
                                 % _safe_str(e))

    @staticmethod
    def message(result: sluice.Result, sql: Any = None) -> str:
        """Returns the rejection as a dashboard author reads it: each error, with
        the words of the query it points at.  SQL Lab and charts hand the
        mutator SQL that Superset regenerated, whose lines and columns the
        author never saw; the words at the position (a table name, a
        clause) are what they wrote, so they come first."""
        data = None
        if isinstance(sql, str):
            data = sql.encode("utf-8", "surrogatepass")
        elif isinstance(sql, (bytes, bytearray)):
            data = bytes(sql)
        parts = []
        for d in result.errors():
            near = _words_at(data, d.offset) if data is not None else ""
            where = ('near "%s", ' % near) if near else ""
            parts.append("%s (%sline %d, column %d of the query as sent) [%s]"
                         % (d.message, where, d.line, d.column, d.rule))
        return "; ".join(parts) or "rejected by sluice"

    # -- audit and metrics -------------------------------------------------------

    def _record(self, sql: Any, result: Optional[sluice.Result], action: str,
                user: Optional[str], database: Any, started: float, *,
                engine: Optional[sluice.Engine] = None, context: Optional[Context] = None,
                error: Optional[str] = None) -> None:
        """Metrics and the audit record of one call.  Never raises: a
        failure here is logged, and the verdict stands."""
        try:
            elapsed = time.perf_counter() - started
            m = self.metrics
            if m.sink is not None:
                m.emit("incr", "action." + action)
                if result is not None:
                    for rule in sorted({d.rule for d in result.diagnostics}):
                        m.emit("incr", "rule.%s.%s" % (rule, action))
                    for d in result.errors():
                        m.emit("incr", "reason.%s" % d.rule)
                m.emit("timing", "latency_ms", elapsed * 1e3)
            if audit_log.isEnabledFor(logging.INFO):
                # The record is made and handled directly: logging's search
                # of the stack for the caller's file and line (findCaller)
                # would tell an operator nothing here.
                text = json.dumps(self._audit_record(sql, result, action, user, database,
                                                     elapsed, engine, context, error))
                audit_log.handle(audit_log.makeRecord(audit_log.name, logging.INFO, __file__, 0,
                                                      text, (), None, "audit"))
        except Exception as e:  # noqa: BLE001 - the audit path must not raise
            try:
                log.error("sluice: the audit record could not be written: %s", _safe_str(e))
            except Exception:
                pass

    def _audit_record(self, sql: Any, result: Optional[sluice.Result], action: str,
                      user: Optional[str], database: Any, elapsed: float,
                      engine: Optional[sluice.Engine], context: Optional[Context],
                      error: Optional[str]) -> Dict[str, Any]:
        # An internal error or an unusable database runs the query unchecked
        # only with fail="open"; a refusal never runs it.
        ran = action in ("pass", "rewrite") or (action == "error" and self.fail == "open")
        out = result.sql if result is not None and result.action is not Action.REJECT else (
            sql if ran else None)
        record: Dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "user": user,
            "database": _database_name(database),
            "database_id": getattr(database, "id", None),
            "action": action,
            "ran": ran,
            "duration_us": int(elapsed * 1e6),
        }
        record["sql_sha256"] = digest = _sha256(sql)
        record["output_sha256"] = (digest if out == sql else _sha256(out)) if ran else None
        if error is not None:
            record["error"] = error
        if context is not None:
            (record["catalog"], record["schema"], record["catalog_source"],
             record["schema_source"]) = context
        if engine is not None:
            record["rules_file"] = engine.source
            record["rules_sha256"] = engine.digest
            record["rules_loaded_at"] = engine.loaded_at_iso
        if result is not None:
            record["rules"] = sorted({d.rule for d in result.diagnostics})
            record["reasons"] = [{"rule": d.rule, "code": d.code, "severity": d.severity.value,
                                  "message": d.message, "line": d.line, "column": d.column,
                                  "statement": d.statement}
                                 for d in result.diagnostics if d.severity is not sluice.Severity.INFO]
            record["tables_before"] = result.source_tables
            if result.action is not Action.REJECT:
                record["tables"] = result.tables
            saved = result.rows_saved()
            if saved is not None:
                record["rows_saved_estimate"] = saved
            if result.scan_bytes is not None:
                record["scan_bytes_estimate"] = result.scan_bytes
        if self.audit_sql:
            record["sql"] = sql if isinstance(sql, str) else repr(sql)
            record["output"] = out if ran else None
        return record


def _safe_str(e: Any) -> str:
    try:
        return str(e)
    except Exception:
        return repr(e)


def _database_name(database: Any) -> Optional[str]:
    name = getattr(database, "database_name", None) or getattr(database, "backend", None)
    return name if isinstance(name, str) else None


def make_mutator(rules_path: Any, **options: Any) -> Mutator:
    """Returns the SQL_QUERY_MUTATOR for superset_config.py, a Mutator (see it for
    the options): called as Superset calls the mutator, it returns the SQL to run
    (the input, or the rules' rewrite) or raises QueryObjectValidationError."""
    return Mutator(rules_path, **options)
