"""sluice: the Databricks SQL guardrail and rewrite engine, from Python.

A ctypes binding over libsluice.so; no dependencies beyond the standard
library (Python 3.9 or later).  One Engine is immutable and may be shared
by every thread; the GIL is released while the C library works (ctypes
releases it around every call into a CDLL).

    engine = sluice.Engine.from_file("/etc/sluice/rules.json")
    result = engine.process(sql, catalog="main", schema="sales", user="ana")
    if result.action == "reject": ...
    elif result.action == "rewrite": sql = result.sql

The library is found through, in order: the `library` argument of
load_library(), the SLUICE_LIBRARY environment variable, the installed
library (the system's search path), and the build tree next to this
package (../build/libsluice.so).
"""
import ctypes
import ctypes.util
import os
import re
import threading

__all__ = ["Engine", "Result", "Diagnostic", "RulesError", "SluiceError", "LibraryNotFound",
           "load_library"]


class SluiceError(Exception):
    """An error from the library that is not about the SQL."""


class LibraryNotFound(SluiceError):
    """libsluice.so was not found or could not be loaded; .tried lists where."""

    def __init__(self, tried):
        self.tried = tried
        super().__init__("libsluice not found; tried: " + "; ".join(
            "%s (%s)" % (path, why) for path, why in tried))


class RulesError(SluiceError):
    """A rules file the engine refuses, with the position of the problem."""

    def __init__(self, message, file=None, line=None, column=None):
        super().__init__(message)
        self.file, self.line, self.column, self.message = file, line, column, message

    def __str__(self):
        if self.file is not None and self.line is not None:
            return "%s:%d:%d: %s" % (self.file, self.line, self.column, self.message)
        return self.message


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
                ("layout", ctypes.c_int)]


class _Diagnostic(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t),
                ("rule", ctypes.c_char_p),
                ("severity", ctypes.c_int),
                ("message", ctypes.c_char_p),
                ("line", ctypes.c_uint),
                ("column", ctypes.c_uint),
                ("offset", ctypes.c_size_t),
                ("statement", ctypes.c_uint)]


_MODES = {"enforce": 0, "format": 1, "format-postgres": 2, "parse": 3, "lint": 4}
_ACTIONS = {0: "pass", 1: "rewrite", 2: "reject"}
_SEVERITIES = {0: "error", 1: "warning", 2: "info"}

_lib = None
_lib_lock = threading.Lock()


def _candidates(library):
    if library:
        yield library, "argument"
    env = os.environ.get("SLUICE_LIBRARY")
    if env:
        yield env, "SLUICE_LIBRARY"
    found = ctypes.util.find_library("sluice")
    yield (found or "libsluice.so"), "installed"
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, "..", "..", "build", "libsluice.so"), "build tree"


def _bind(lib):
    c = ctypes
    lib.sl_engine_new.argtypes = [c.c_char_p, c.c_size_t, c.c_char_p, c.POINTER(c.c_void_p)]
    lib.sl_engine_new.restype = c.c_void_p
    lib.sl_engine_new_from_file.argtypes = [c.c_char_p, c.POINTER(c.c_void_p)]
    lib.sl_engine_new_from_file.restype = c.c_void_p
    lib.sl_engine_free.argtypes = [c.c_void_p]
    lib.sl_engine_free.restype = None
    lib.sl_process.argtypes = [c.c_void_p, c.POINTER(_Request)]
    lib.sl_process.restype = c.c_void_p
    lib.sl_result_action.argtypes = [c.c_void_p]
    lib.sl_result_action.restype = c.c_int
    lib.sl_result_sql.argtypes = [c.c_void_p, c.POINTER(c.c_size_t)]
    lib.sl_result_sql.restype = c.c_void_p
    lib.sl_result_diagnostic_count.argtypes = [c.c_void_p]
    lib.sl_result_diagnostic_count.restype = c.c_size_t
    lib.sl_result_diagnostic.argtypes = [c.c_void_p, c.c_size_t]
    lib.sl_result_diagnostic.restype = c.POINTER(_Diagnostic)
    lib.sl_result_table_count.argtypes = [c.c_void_p]
    lib.sl_result_table_count.restype = c.c_size_t
    lib.sl_result_table.argtypes = [c.c_void_p, c.c_size_t]
    lib.sl_result_table.restype = c.c_char_p
    lib.sl_result_free.argtypes = [c.c_void_p]
    lib.sl_result_free.restype = None
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
    return lib


def load_library(library=None):
    """Load (once) and return the C library; raises LibraryNotFound with
    every path tried and why it failed."""
    global _lib
    with _lib_lock:
        if _lib is not None and library is None:
            return _lib
        tried = []
        for path, origin in _candidates(library):
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                tried.append(("%s [%s]" % (path, origin), str(e).split(":")[-1].strip()))
                continue
            _lib = _bind(lib)
            return _lib
        raise LibraryNotFound(tried)


def _take_error(lib, ptr):
    text = ctypes.string_at(ptr.value).decode("utf-8", "replace") if ptr.value else "unknown error"
    if ptr.value:
        lib.sl_free(ptr)
    return text


_POSITION = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.S)


def _rules_error(text):
    m = _POSITION.match(text)
    if m:
        return RulesError(m.group("message"), m.group("file"), int(m.group("line")),
                          int(m.group("column")))
    return RulesError(text)


class Diagnostic:
    """One finding: rule id, severity, message, and where (1-based line and
    column in the original text, 0-based statement index)."""

    __slots__ = ("rule", "severity", "message", "line", "column", "offset", "statement")

    def __init__(self, rule, severity, message, line, column, offset, statement):
        self.rule, self.severity, self.message = rule, severity, message
        self.line, self.column, self.offset, self.statement = line, column, offset, statement

    def __repr__(self):
        return "Diagnostic(%s %s %d:%d: %s)" % (self.severity, self.rule, self.line,
                                                self.column, self.message)

    def as_dict(self):
        return {k: getattr(self, k) for k in self.__slots__}


class Result:
    """What the engine decided: action ("pass", "rewrite", "reject"), the SQL
    to run (None on reject), the diagnostics, and the tables the SQL to
    run reads."""

    __slots__ = ("action", "sql", "diagnostics", "tables")

    def __init__(self, action, sql, diagnostics, tables):
        self.action, self.sql, self.diagnostics, self.tables = action, sql, diagnostics, tables

    def __repr__(self):
        return "Result(%s, %d diagnostics)" % (self.action, len(self.diagnostics))

    def errors(self):
        return [d for d in self.diagnostics if d.severity == "error"]


def _opt(s):
    return s.encode("utf-8") if s is not None else None


class Engine:
    """A compiled rules file.  Immutable; share one among all threads."""

    def __init__(self, handle, lib, source):
        self._handle = handle
        self._lib = lib
        self.source = source

    @classmethod
    def from_file(cls, path, library=None):
        lib = load_library(library)
        err = ctypes.c_void_p()
        h = lib.sl_engine_new_from_file(os.fsencode(path), ctypes.byref(err))
        if not h:
            raise _rules_error(_take_error(lib, err))
        return cls(h, lib, str(path))

    @classmethod
    def from_json(cls, text, source="<rules>", library=None):
        lib = load_library(library)
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        err = ctypes.c_void_p()
        h = lib.sl_engine_new(data, len(data), source.encode("utf-8"), ctypes.byref(err))
        if not h:
            raise _rules_error(_take_error(lib, err))
        return cls(h, lib, source)

    def close(self):
        h, self._handle = self._handle, None
        if h:
            self._lib.sl_engine_free(h)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def process(self, sql, *, catalog=None, schema=None, user=None, now=None, mode="enforce",
                explain=False):
        if self._handle is None:
            raise SluiceError("the engine is closed")
        if mode not in _MODES:
            raise ValueError("mode must be one of %s" % ", ".join(sorted(_MODES)))
        data = sql.encode("utf-8") if isinstance(sql, str) else bytes(sql)
        req = _Request()
        req.size = ctypes.sizeof(_Request)
        req.sql = data
        req.sql_len = len(data)
        req.catalog, req.schema, req.user, req.now = _opt(catalog), _opt(schema), _opt(user), _opt(now)
        req.mode = _MODES[mode]
        req.explain = 1 if explain else 0
        lib = self._lib
        res = lib.sl_process(self._handle, ctypes.byref(req))
        if not res:
            raise MemoryError("sl_process returned no result")
        try:
            action = _ACTIONS[lib.sl_result_action(res)]
            n = ctypes.c_size_t()
            p = lib.sl_result_sql(res, ctypes.byref(n))
            out = ctypes.string_at(p, n.value).decode("utf-8") if p else None
            diags = []
            for i in range(lib.sl_result_diagnostic_count(res)):
                d = lib.sl_result_diagnostic(res, i).contents
                diags.append(Diagnostic(d.rule.decode(), _SEVERITIES.get(d.severity, "?"),
                                        d.message.decode("utf-8", "replace"), d.line, d.column,
                                        d.offset, d.statement))
            tables = [lib.sl_result_table(res, i).decode()
                      for i in range(lib.sl_result_table_count(res))]
        finally:
            lib.sl_result_free(res)
        return Result(action, out, diags, tables)

    def format(self, sql, target="databricks"):
        """The SQL re-serialised (one statement per line, ';'-separated)."""
        mode = {"databricks": "format", "postgres": "format-postgres"}[target]
        return self.process(sql, mode=mode)

    def parse(self, sql):
        """The AST as a JSON text: {"statements": [...]}."""
        return self.process(sql, mode="parse")


def version(library=None):
    return load_library(library).sl_version().decode()
