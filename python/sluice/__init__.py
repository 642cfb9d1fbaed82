"""sluice: the Databricks SQL guardrail and rewrite engine, from Python.

A ctypes binding over libsluice.so; no dependencies beyond the standard
library (Python 3.9 or later).  One Engine is immutable and may be shared
by every thread; the GIL is released while the C library works (ctypes
releases it around every call into a CDLL), and a request is one call
into the library (sl_process_packed), so a busy thread gives up and takes
back the GIL once per request, not once per accessor.

    engine = sluice.Engine.from_file("/etc/sluice/rules.json")
    result = engine.process(sql, catalog="main", schema="sales", user="ana")
    if result.action is sluice.Action.REJECT: ...
    elif result.action is sluice.Action.REWRITE: sql = result.sql

The library is found through exactly one of, in order: the `library`
argument of load_library(), the SLUICE_LIBRARY environment variable, or
else the copy inside this package (a wheel from `make wheel` carries
libsluice.so and, in sluice/libs/, the libraries it links), the installed
library (the system's search path) and then the build tree next to this
package (../build/libsluice.so), in turn.  A library named by the
argument or SLUICE_LIBRARY that does not load is an error: there is no
fallback to another copy.  The path and version of the library loaded are
logged (logger "sluice", INFO).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import enum
import hashlib
import json
import logging
import os
import re
import struct
import threading
import time
from collections.abc import Mapping
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Union

__all__ = ["Engine", "Result", "Diagnostic", "Action", "Severity", "Mode", "Layout", "RulesError",
           "SluiceError", "LibraryNotFound", "load_library", "library_path", "version"]

log = logging.getLogger("sluice")


class SluiceError(Exception):
    """An error from the library that is not about the SQL."""


class LibraryNotFound(SluiceError):
    """libsluice.so was not found or could not be loaded; .tried lists where."""

    def __init__(self, tried: List[Tuple[str, str]]):
        self.tried = tried
        super().__init__("libsluice not found; tried: " + "; ".join(
            "%s (%s)" % (path, why) for path, why in tried))


class RulesError(SluiceError):
    """A rules file the engine refuses, with the position of the problem."""

    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None):
        super().__init__(message)
        self.file, self.line, self.column, self.message = file, line, column, message

    def __str__(self) -> str:
        if self.file is not None and self.line is not None and self.column is not None:
            return "%s:%d:%d: %s" % (self.file, self.line, self.column, self.message)
        return self.message


class _StrEnum(str, enum.Enum):
    """An enum whose members are also their names as strings (sluice.h's
    names): Action.REJECT == "reject", and json.dumps writes "reject"."""

    def __str__(self) -> str:
        return str(self.value)


class Action(_StrEnum):
    """sl_action: what to do with the query."""
    PASS = "pass"
    REWRITE = "rewrite"
    REJECT = "reject"


class Severity(_StrEnum):
    """sl_severity."""
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Mode(_StrEnum):
    """sl_mode: what process() produces."""
    ENFORCE = "enforce"
    FORMAT = "format"
    FORMAT_POSTGRES = "format-postgres"
    PARSE = "parse"
    LINT = "lint"


class Layout(_StrEnum):
    """sl_layout: how rewritten (and formatted) SQL is laid out."""
    COMPACT = "compact"
    KEEP = "keep"
    PRETTY = "pretty"


# ---------------------------------------------------------------------------
# The C structs (sluice.h: fields are only ever appended; each starts with
# its size).  These mirror a prefix of the library's; load_library() checks
# that the library's are at least as large.

class _Request(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t),
                ("sql", ctypes.c_char_p),
                ("sql_len", ctypes.c_size_t),
                ("catalog", ctypes.c_char_p),
                ("schema", ctypes.c_char_p),
                ("user", ctypes.c_char_p),
                ("now", ctypes.c_char_p),
                ("mode", ctypes.c_int),
                ("explain", ctypes.c_int),
                ("layout", ctypes.c_int),
                ("lineage", ctypes.c_int),
                ("dashboard_id", ctypes.c_char_p),
                ("chart_id", ctypes.c_char_p),
                ("source", ctypes.c_char_p),
                ("groups", ctypes.POINTER(ctypes.c_char_p)),
                ("ngroups", ctypes.c_size_t),
                ("time_zone", ctypes.c_char_p),
                ("fresh_through", ctypes.POINTER(ctypes.c_char_p)),
                ("nfresh_through", ctypes.c_size_t)]


class _Diagnostic(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t),
                ("rule", ctypes.c_char_p),
                ("severity", ctypes.c_int),
                ("message", ctypes.c_char_p),
                ("line", ctypes.c_uint),
                ("column", ctypes.c_uint),
                ("offset", ctypes.c_size_t),
                ("statement", ctypes.c_uint),
                ("code", ctypes.c_char_p),
                ("rows_saved", ctypes.c_longlong)]


# The numbers are sluice.h's (stable, never reused).
_MODES = {Mode.ENFORCE: 0, Mode.FORMAT: 1, Mode.FORMAT_POSTGRES: 2, Mode.PARSE: 3, Mode.LINT: 4}
_ACTIONS = {0: Action.PASS, 1: Action.REWRITE, 2: Action.REJECT}
_LAYOUTS = {Layout.COMPACT: 0, Layout.KEEP: 1, Layout.PRETTY: 2}
_SEVERITIES = {0: Severity.ERROR, 1: Severity.WARNING, 2: Severity.INFO}

# sl_process_packed()'s layout (sluice.h): header, diagnostic record, table
# record, lineage document, scan estimate.
_PACKED_VERSION = 4
_HEADER = struct.Struct("=8I")
_DIAG = struct.Struct("=7I")
_DIAG_CODE = struct.Struct("=Iq")     # after the message: code length, rows_saved
_TABLE = struct.Struct("=Iq")
_U32 = struct.Struct("=I")
_I64 = struct.Struct("=q")
_NO_SQL = 0xFFFFFFFF

_lib: Optional[ctypes.CDLL] = None
_lib_path: Optional[str] = None
_lib_lock = threading.Lock()
_bundled: List[ctypes.CDLL] = []     # the package's copies of libsluice's dependencies


def _after_fork_in_child() -> None:
    # A fork while another thread loads the library must not leave the
    # child a lock nobody will release.
    global _lib_lock
    _lib_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _candidates(library: Optional[str]) -> Iterator[Tuple[str, str]]:
    """Where to load the library from, with the origin of each path.  An
    explicit choice (the argument, else SLUICE_LIBRARY) is the only
    candidate; only without one are the package's own copy (when it has
    one), the installed library and the build tree tried in turn."""
    if library:
        yield library, "argument"
        return
    env = os.environ.get("SLUICE_LIBRARY")
    if env:
        yield env, "SLUICE_LIBRARY"
        return
    here = os.path.dirname(os.path.abspath(__file__))
    bundled = os.path.join(here, "libsluice.so")
    if os.path.exists(bundled):
        yield bundled, "package"
    found = ctypes.util.find_library("sluice")
    yield (found or "libsluice.so"), "installed"
    yield os.path.join(here, "..", "..", "build", "libsluice.so"), "build tree"


def _load_bundled_dependencies(package_dir: str) -> None:
    """Loads the libraries a wheel carries next to its libsluice.so
    (sluice/libs/: libpg_query, jansson, pcre2), so that the dynamic loader
    finds them by soname when libsluice.so asks for them; raises OSError
    if one does not load."""
    libs = os.path.join(package_dir, "libs")
    if _bundled or not os.path.isdir(libs):
        return
    for name in sorted(os.listdir(libs)):
        _bundled.append(ctypes.CDLL(os.path.join(libs, name)))


def _bind(lib: ctypes.CDLL) -> ctypes.CDLL:
    c = ctypes
    lib.sl_engine_new.argtypes = [c.c_char_p, c.c_size_t, c.c_char_p, c.POINTER(c.c_void_p)]
    lib.sl_engine_new.restype = c.c_void_p
    lib.sl_engine_new_from_file.argtypes = [c.c_char_p, c.POINTER(c.c_void_p)]
    lib.sl_engine_new_from_file.restype = c.c_void_p
    lib.sl_engine_free.argtypes = [c.c_void_p]
    lib.sl_engine_free.restype = None
    lib.sl_free.argtypes = [c.c_void_p]
    lib.sl_free.restype = None
    lib.sl_version.argtypes = []
    lib.sl_version.restype = c.c_char_p
    lib.sl_request_size.argtypes = []
    lib.sl_request_size.restype = c.c_size_t
    lib.sl_diagnostic_size.argtypes = []
    lib.sl_diagnostic_size.restype = c.c_size_t
    # The layout rule: what this binding mirrors is a prefix of the
    # library's structs (a newer library may have appended fields).
    if lib.sl_request_size() < ctypes.sizeof(_Request):
        raise SluiceError("libsluice %s is older than this binding: its sl_request has %d "
                          "bytes, the binding needs %d" % (lib.sl_version().decode(),
                                                           lib.sl_request_size(),
                                                           ctypes.sizeof(_Request)))
    if lib.sl_diagnostic_size() < ctypes.sizeof(_Diagnostic):
        raise SluiceError("libsluice %s is older than this binding: its sl_diagnostic has %d "
                          "bytes, the binding needs %d" % (lib.sl_version().decode(),
                                                           lib.sl_diagnostic_size(),
                                                           ctypes.sizeof(_Diagnostic)))
    try:
        packed = lib.sl_process_packed
    except AttributeError:
        raise SluiceError("libsluice %s is older than this binding: it has no "
                          "sl_process_packed" % lib.sl_version().decode()) from None
    packed.argtypes = [c.c_void_p, c.POINTER(_Request), c.c_void_p, c.c_size_t]
    packed.restype = c.c_size_t
    return lib


def _mapped_path(name: str) -> str:
    """The file the dynamic loader mapped for a library loaded as `name`
    (a bare soname from the search path becomes the file it found)."""
    base = os.path.basename(name).split(".so")[0]
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.rstrip("\n").split(None, 5)[-1]
                if path.startswith("/") and os.path.basename(path).startswith(base + ".so"):
                    return path
    except OSError:
        pass
    return os.path.abspath(name) if os.sep in name else name


def load_library(library: Optional[str] = None) -> ctypes.CDLL:
    """Loads the C library (once, unless `library` names one) and returns
    it, bound; raises LibraryNotFound with every path tried and why it
    failed, SluiceError if the library is older than this binding."""
    global _lib, _lib_path
    with _lib_lock:
        if _lib is not None and library is None:
            return _lib
        tried = []
        for path, origin in _candidates(library):
            try:
                if origin == "package":
                    _load_bundled_dependencies(os.path.dirname(path))
                lib = ctypes.CDLL(path)
            except OSError as e:
                tried.append(("%s [%s]" % (path, origin), str(e).split(":")[-1].strip()))
                continue
            lib = _bind(lib)
            if library is None:
                _lib, _lib_path = lib, _mapped_path(path)
                log.info("sluice: libsluice %s loaded from %s (%s)", lib.sl_version().decode(),
                         _lib_path, origin)
            return lib
        raise LibraryNotFound(tried)


def library_path() -> str:
    """Returns the file of the library load_library() loaded (loading it
    first if need be)."""
    load_library()
    assert _lib_path is not None
    return _lib_path


def _take_error(lib: ctypes.CDLL, ptr: ctypes.c_void_p) -> str:
    text = ctypes.string_at(ptr.value).decode("utf-8", "replace") if ptr.value else "unknown error"
    if ptr.value:
        lib.sl_free(ptr)
    return text


_POSITION = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.S)


def _rules_error(text: str) -> RulesError:
    m = _POSITION.match(text)
    if m:
        return RulesError(m.group("message"), m.group("file"), int(m.group("line")),
                          int(m.group("column")))
    return RulesError(text)


@dataclasses.dataclass(init=False)
class Diagnostic:
    """One finding: rule id, severity, message, and where (1-based line and
    column in the original text, byte offset, 0-based statement index);
    code: the stable reason code within the rule (sl_diagnostic.code, e.g.
    "not_a_dimension"; docs/routing-reasons.md), None when it has none;
    rows_saved: aggregate routing's estimate of the rows not scanned
    (sl_diagnostic.rows_saved), None when it has none."""

    __slots__ = ("rule", "severity", "message", "line", "column", "offset", "statement", "code",
                 "rows_saved")

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    offset: int
    statement: int
    code: Optional[str]
    rows_saved: Optional[int]

    def __init__(self, rule: str, severity: Severity, message: str, line: int, column: int,
                 offset: int, statement: int, code: Optional[str] = None,
                 rows_saved: Optional[int] = None) -> None:
        self.rule, self.severity, self.message = rule, severity, message
        self.line, self.column, self.offset, self.statement = line, column, offset, statement
        self.code, self.rows_saved = code, rows_saved

    def as_dict(self) -> Dict[str, object]:
        """Returns the fields as a dict (json.dumps writes severity as its
        name)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


class Result:
    """What the engine decided: the action, the SQL to run (None on
    reject), the diagnostics, the tables the SQL to run reads (none on
    reject), the tables the request's SQL names as written
    (source_tables), the rules file's "rows" for each table named in
    either list (None when the rules do not say), the number of
    statements, and, when process() was called with lineage=True, the
    lineage: one dict per statement (sl_result_lineage_json's document,
    docs/lineage.md), None for a statement that does not parse; lineage
    is None when it was not asked for; scan_bytes, the estimated bytes the
    SQL to run scans (sl_result_scan_bytes: the rules' "budget",
    docs/budget-and-attribution.md), None when not estimated."""

    __slots__ = ("action", "sql", "diagnostics", "tables", "source_tables", "rows", "statements",
                 "lineage", "scan_bytes")

    def __init__(self, action: Action, sql: Optional[str], diagnostics: List[Diagnostic],
                 tables: List[str], source_tables: Optional[List[str]] = None,
                 rows: Optional[Dict[str, Optional[int]]] = None, statements: int = 0,
                 lineage: Optional[List[Optional[Dict[str, object]]]] = None,
                 scan_bytes: Optional[int] = None):
        self.action, self.sql, self.diagnostics, self.tables = action, sql, diagnostics, tables
        self.source_tables = source_tables if source_tables is not None else []
        self.rows = rows if rows is not None else {}
        self.statements = statements
        self.lineage = lineage
        self.scan_bytes = scan_bytes

    def __repr__(self) -> str:
        return "Result(%s, %d diagnostics)" % (self.action, len(self.diagnostics))

    def errors(self) -> List[Diagnostic]:
        """Returns the diagnostics of severity error, in order."""
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    def rows_saved(self) -> Optional[int]:
        """Returns the rules' row counts of the tables as written minus those of
        the tables the SQL to run reads, when a rewrite changed which tables
        are read (aggregate routing) and the rules give every count; else
        None."""
        if self.action is not Action.REWRITE or set(self.tables) == set(self.source_tables):
            return None
        before = [self.rows.get(t) for t in self.source_tables]
        after = [self.rows.get(t) for t in self.tables]
        known_before = [n for n in before if n is not None]
        known_after = [n for n in after if n is not None]
        if len(known_before) < len(before) or len(known_after) < len(after):
            return None
        return sum(known_before) - sum(known_after)


def _encode(text: Union[str, bytes, None]) -> Optional[bytes]:
    """UTF-8 for the library.  A lone surrogate (text Python decoded with
    surrogateescape, or built by hand) is encoded as its three bytes, which
    are not UTF-8: the library rejects them with a positioned diagnostic
    instead of the binding raising UnicodeEncodeError."""
    if text is None:
        return None
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    return bytes(text)


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


_buffers = threading.local()
_FIRST_BUFFER = 64 << 10


def _buffer(at_least: int) -> ctypes.Array[ctypes.c_char]:
    """Returns this thread's reusable buffer for packed results, of at
    least at_least bytes."""
    buf = getattr(_buffers, "buf", None)
    if buf is None or len(buf) < at_least:
        size = max(at_least, _FIRST_BUFFER, len(buf) * 2 if buf is not None else 0)
        buf = _buffers.buf = ctypes.create_string_buffer(size)
    return buf


def _unpack(data: bytes, lineage: bool = False) -> Result:
    """The Result of a packed answer; lineage: whether the request asked
    for lineage in a mode that computes it (Result.lineage is None
    otherwise)."""
    version, action, nstmts, ndiags, ntables, nsource, sql_len, nlineage = \
        _HEADER.unpack_from(data, 0)
    if version != _PACKED_VERSION:
        raise SluiceError("libsluice packs results in version %d; this binding reads %d"
                          % (version, _PACKED_VERSION))
    pos = _HEADER.size
    sql = None
    if sql_len != _NO_SQL:
        sql = _decode(data[pos:pos + sql_len])
        pos += sql_len
    diags = []
    for _ in range(ndiags):
        sev, line, column, offset, stmt, rl, ml = _DIAG.unpack_from(data, pos)
        pos += _DIAG.size
        rule = data[pos:pos + rl].decode("ascii")
        pos += rl
        message = data[pos:pos + ml].decode("utf-8", "replace")
        pos += ml
        cl, saved = _DIAG_CODE.unpack_from(data, pos)
        pos += _DIAG_CODE.size
        code = None
        if cl != _NO_SQL:
            code = data[pos:pos + cl].decode("ascii")
            pos += cl
        diags.append(Diagnostic(rule, _SEVERITIES.get(sev, Severity.ERROR), message, line, column,
                                offset, stmt, code, saved if saved >= 0 else None))
    rows: Dict[str, Optional[int]] = {}
    lists: List[List[str]] = [[], []]
    for which, count in ((0, ntables), (1, nsource)):
        for _ in range(count):
            n, r = _TABLE.unpack_from(data, pos)
            pos += _TABLE.size
            name = data[pos:pos + n].decode("utf-8", "replace")
            pos += n
            lists[which].append(name)
            rows[name] = r if r >= 0 else None
    docs: List[Optional[Dict[str, object]]] = []
    for _ in range(nlineage):
        (n,) = _U32.unpack_from(data, pos)
        pos += _U32.size
        if n == _NO_SQL:
            docs.append(None)
        else:
            docs.append(json.loads(data[pos:pos + n].decode("utf-8", "surrogatepass")))
            pos += n
    (scan,) = _I64.unpack_from(data, pos)
    return Result(_ACTIONS.get(action, Action.REJECT), sql, diags, lists[0], lists[1], rows, nstmts,
                  docs if lineage else None, scan if scan >= 0 else None)


class Engine:
    """A compiled rules file.  Immutable; share one among all threads.
    `digest` is the SHA-256 of the rules text it was built from, and
    `loaded_at` the time (time.time()) it was built, `loaded_at_iso` the
    same as YYYY-MM-DDTHH:MM:SSZ."""

    def __init__(self, handle: int, lib: ctypes.CDLL, source: str,
                 digest: Optional[str] = None) -> None:
        self._handle: Optional[int] = handle
        self._lib = lib
        self.source = source
        self.digest = digest
        self.loaded_at = time.time()
        self.loaded_at_iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.loaded_at))

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike[str]],
                  library: Optional[str] = None) -> "Engine":
        """Returns the engine for a rules file; raises RulesError (with the
        file, line and column) if the file cannot be read or the engine
        refuses it.  The file is read once, and the digest is of exactly
        the text the engine was built from."""
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise RulesError("%s: cannot open rules file (%s)" % (os.fspath(path),
                                                                  e.strerror or e)) from None
        return cls.from_json(data, source=os.fspath(path), library=library)

    @classmethod
    def from_json(cls, text: Union[str, bytes], source: str = "<rules>",
                  library: Optional[str] = None) -> "Engine":
        """Returns the engine for a rules file's text (source names it in
        errors); raises RulesError if the engine refuses it."""
        lib = load_library(library)
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        err = ctypes.c_void_p()
        h = lib.sl_engine_new(data, len(data), _encode(source), ctypes.byref(err))
        if not h:
            raise _rules_error(_take_error(lib, err))
        return cls(h, lib, source, hashlib.sha256(data).hexdigest())

    def close(self) -> None:
        """Frees the engine; process() raises SluiceError after it."""
        h, self._handle = self._handle, None
        if h:
            self._lib.sl_engine_free(h)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def process(self, sql: Union[str, bytes], *, catalog: Optional[str] = None,
                schema: Optional[str] = None, user: Optional[str] = None,
                now: Optional[str] = None, mode: Union[Mode, str] = Mode.ENFORCE,
                explain: bool = False, layout: Union[Layout, str] = Layout.COMPACT,
                lineage: bool = False, dashboard_id: Optional[str] = None,
                chart_id: Optional[str] = None, source: Optional[str] = None,
                groups: Optional[Sequence[str]] = None,
                time_zone: Optional[str] = None,
                fresh_through: Optional[Mapping[str, str]] = None) -> Result:
        """Returns the Result of one request: the action, the SQL to run,
        the diagnostics and the tables; lineage=True (enforce and lint
        modes) fills Result.lineage.  dashboard_id, chart_id and source
        (with user) are what the rules' attribution comment writes
        (docs/budget-and-attribution.md); user and groups (the groups, or
        Superset roles, the user is in) are what the rules' row filters
        read; time_zone is the session time zone the query runs in
        (aggregate routing over TIMESTAMP buckets); fresh_through maps an
        aggregate's table to its last complete day ("YYYY-MM-DD"), over the
        rules' fresh_through for this request (docs/routing-stale.md).  A
        single call into the
        library, which writes the whole result into this thread's buffer."""
        if self._handle is None:
            raise SluiceError("the engine is closed")
        try:
            mode_number = _MODES[Mode(mode)]
        except ValueError:
            raise ValueError("mode must be one of %s" % ", ".join(m.value for m in Mode)) from None
        try:
            layout_number = _LAYOUTS[Layout(layout)]
        except ValueError:
            raise ValueError("layout must be one of %s"
                             % ", ".join(v.value for v in Layout)) from None
        data = _encode(sql) or b""
        req = _Request(ctypes.sizeof(_Request), data, len(data), _encode(catalog), _encode(schema),
                       _encode(user), _encode(now), mode_number, 1 if explain else 0,
                       layout_number, 1 if lineage else 0, _encode(dashboard_id),
                       _encode(chart_id), _encode(source))
        if isinstance(groups, (str, bytes)):
            raise ValueError("groups must be a list of names, not one string")
        names = [_encode(g) for g in (groups or ())]
        if any(n is None for n in names):
            raise ValueError("groups must be strings")
        group_array = (ctypes.c_char_p * max(len(names), 1))(*names)
        req.groups = ctypes.cast(group_array, ctypes.POINTER(ctypes.c_char_p))
        req.ngroups = len(names)
        req.time_zone = _encode(time_zone)
        if fresh_through is not None and not isinstance(fresh_through, Mapping):
            raise ValueError("fresh_through must map aggregate tables to days")
        pairs = [_encode(x) for item in (fresh_through or {}).items() for x in item]
        if any(p is None for p in pairs):
            raise ValueError("fresh_through must map strings to strings")
        fresh_array = (ctypes.c_char_p * max(len(pairs), 1))(*pairs)
        req.fresh_through = ctypes.cast(fresh_array, ctypes.POINTER(ctypes.c_char_p))
        req.nfresh_through = len(pairs) // 2
        packed = self._lib.sl_process_packed
        buf = _buffer(0)
        n = packed(self._handle, ctypes.byref(req), buf, len(buf))
        if n > len(buf):                    # a result larger than the buffer: once more
            buf = _buffer(n)
            n = packed(self._handle, ctypes.byref(req), buf, len(buf))
        if n == 0 or n > len(buf):
            raise MemoryError("sl_process_packed returned no result")
        return _unpack(ctypes.string_at(buf, n),
                       bool(lineage) and Mode(mode) in (Mode.ENFORCE, Mode.LINT))

    def format(self, sql: Union[str, bytes], target: str = "databricks") -> Result:
        """Returns a Result whose .sql is the request's SQL re-serialised for
        target ("databricks" or "postgres"): each statement on one line,
        statements separated by ";\\n" (no ';' after the last).  The rules
        are not applied.  When a statement does not parse, or is no query
        (DDL, DML: only queries are emitted), the action is REJECT, .sql is
        None and .diagnostics say why."""
        mode = {"databricks": Mode.FORMAT, "postgres": Mode.FORMAT_POSTGRES}[target]
        return self.process(sql, mode=mode)

    def parse(self, sql: Union[str, bytes]) -> Result:
        """Returns a Result whose .sql is not SQL but the parse tree as JSON text,
        {"statements": [...]}, one tree per statement (the AST of
        src/ast.h: libpg_query's nodes plus sluice's "sl_" fields).  On a
        syntax error the action is REJECT, .sql is "" and .diagnostics
        say why."""
        return self.process(sql, mode=Mode.PARSE)


def version(library: Optional[str] = None) -> str:
    """Returns the library's version, "MAJOR.MINOR.PATCH"."""
    v: bytes = load_library(library).sl_version()
    return v.decode()
