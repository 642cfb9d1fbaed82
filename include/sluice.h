/*
 * sluice.h - public API of libsluice, the Databricks SQL guardrail and
 * rewrite engine.
 *
 * Usage:
 *     char *err = NULL;
 *     sl_engine *eng = sl_engine_new_from_file("rules/example.json", &err);
 *     if (!eng) { fprintf(stderr, "%s\n", err); sl_free(err); ... }
 *     sl_request req = SL_REQUEST_INIT;
 *     req.sql = text;
 *     req.sql_len = strlen(text);
 *     sl_result *res = sl_process(eng, &req);
 *     switch (sl_result_action(res)) { ... }
 *     sl_result_free(res);
 *     sl_engine_free(eng);
 *
 * Ownership.  Every pointer the library returns is owned by the object
 * it came from and lives until that object is freed: strings and
 * diagnostics from an sl_result until sl_result_free(); the engine until
 * sl_engine_free().  The only memory handed to the caller is the error
 * message of sl_engine_new*(), released with sl_free().  Request fields
 * are borrowed for the duration of the call only.
 *
 * Threads.  An engine is immutable after creation: any number of threads
 * may call sl_process() on one engine at the same time.  A result
 * belongs to the thread that made it.
 *
 * Layout.  sl_request and sl_diagnostic are the structs a caller or a
 * binding mirrors.  Their rule: fields are only ever appended, never
 * moved, removed or retyped, and each starts with its own size.  A
 * caller sets sl_request.size to the sizeof it was compiled with
 * (SL_REQUEST_INIT does); the library reads only the fields within it
 * and takes the rest as zero.  A diagnostic's size says which fields it
 * has; a reader must not read past it.  sl_request_size() and
 * sl_diagnostic_size() give the library's own sizes, so a binding can
 * check at load time that what it mirrors is a prefix of them.
 */
#ifndef SLUICE_H
#define SLUICE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SLUICE_BUILD) && defined(__GNUC__)
#define SL_API __attribute__((visibility("default")))
#else
#define SL_API
#endif

#define SLUICE_VERSION "0.2.0"

typedef struct sl_engine sl_engine;
typedef struct sl_result sl_result;

/* What to do with the query.  Numbers are stable and never reused. */
typedef enum sl_action {
    SL_ACTION_PASS = 0,     /* run the SQL unchanged (byte-identical) */
    SL_ACTION_REWRITE = 1,  /* run sl_result_sql() instead */
    SL_ACTION_REJECT = 2    /* do not run; the diagnostics say why */
} sl_action;

typedef enum sl_severity {
    SL_SEVERITY_ERROR = 0,
    SL_SEVERITY_WARNING = 1,
    SL_SEVERITY_INFO = 2
} sl_severity;

/* What sl_process() produces. */
typedef enum sl_mode {
    SL_MODE_ENFORCE = 0,          /* apply the rules: pass / rewrite / reject */
    SL_MODE_FORMAT = 1,           /* re-serialise every statement as Databricks SQL */
    SL_MODE_FORMAT_POSTGRES = 2,  /* re-serialise as PostgreSQL */
    SL_MODE_PARSE = 3,            /* the AST as JSON: {"statements": [...]} */
    SL_MODE_LINT = 4              /* as ENFORCE, but "-- sluice: allow RULE" comments
                                     are always honoured (offline lint) */
} sl_mode;

/* How a rewritten statement is laid out (SL_MODE_ENFORCE and
 * SL_MODE_LINT), and formatted ones (SL_MODE_FORMAT).  Whatever the
 * layout, the text is re-parsed and must mean the rewritten query; a
 * layout that cannot be verified falls back to compact. */
typedef enum sl_layout {
    SL_LAYOUT_COMPACT = 0,  /* one line per statement (the emitter's) */
    SL_LAYOUT_KEEP = 1,     /* the user's own text wherever the rewrite kept a
                               token; only what was added is written anew
                               (formatting: as compact) */
    SL_LAYOUT_PRETTY = 2    /* one clause per line, subqueries indented */
} sl_layout;

typedef struct sl_request {
    size_t      size;       /* sizeof(sl_request) as the caller knows it */
    const char *sql;        /* the query text; need not be NUL-terminated */
    size_t      sql_len;
    const char *catalog;    /* default catalog, NULL for the rules' default */
    const char *schema;     /* default schema, NULL for the rules' default */
    const char *user;       /* who runs the query, may be NULL: the rules'
                               row filters (row_filters) read it */
    const char *now;        /* "YYYY-MM-DD[ HH:MM:SS]", UTC, for relative dates
                               (read on the session's wall clock: time_zone);
                               NULL = the system clock */
    sl_mode     mode;
    int         explain;    /* nonzero: also report, as info diagnostics, why
                               each candidate rewrite was not made */
    sl_layout   layout;     /* how rewritten (and formatted) SQL is laid out */
    int         lineage;    /* nonzero: the result also carries each statement's
                               lineage (sl_result_lineage_json; SL_MODE_ENFORCE
                               and SL_MODE_LINT only).  Zero costs nothing. */
    /* Where the query comes from, each may be NULL: the dashboard and
     * chart (Superset's ids) and the front end ("sql_lab", "chart", ...).
     * The attribution comment writes them, with user
     * (docs/budget-and-attribution.md). */
    const char *dashboard_id;
    const char *chart_id;
    const char *source;
    const char *const *groups;  /* the groups (Superset: roles) the user is in,
                               ngroups names; the rules' row filters and their
                               bypass list read them.  NULL: none */
    size_t      ngroups;
    /* The session time zone the query will run in (spark.sql.session.
     * timeZone: "UTC", "America/New_York", "+02:00"), NULL if not known.
     * Aggregate routing uses an aggregate that truncates a TIMESTAMP
     * column only when this is the aggregate's time_zone
     * (docs/routing-normalisation.md).  current_date() and
     * current_timestamp() are read in it (NULL: UTC); a zone whose offset
     * sluice does not know leaves them unknown to routing. */
    const char *time_zone;
    /* fresh_through per aggregate for this request, over the rules' (an
     * operator feeds it from the refresh job without reloading the
     * rules): nfresh_through pairs, fresh_through[2 * i] an aggregate's
     * table as the rules' "aggregates" name it (catalog.schema.table, any
     * case) and fresh_through[2 * i + 1] its last complete day,
     * "YYYY-MM-DD" (docs/routing-stale.md).  A table the rules do not
     * declare as an aggregate, or another value, rejects the request.
     * NULL: none. */
    const char *const *fresh_through;
    size_t      nfresh_through;
} sl_request;

/* A request with its size set and every other field zero (the fields
 * after lineage are zero as C zero-fills a partly initialised struct). */
#define SL_REQUEST_INIT {sizeof(sl_request), NULL, 0, NULL, NULL, NULL, NULL, SL_MODE_ENFORCE, 0, \
                         SL_LAYOUT_COMPACT, 0}

typedef struct sl_diagnostic {
    size_t      size;       /* sizeof(sl_diagnostic) of the library that made it */
    const char *rule;       /* rule id, e.g. "syntax", "limit-cap" */
    sl_severity severity;
    const char *message;
    unsigned    line;       /* 1-based, in the ORIGINAL request text */
    unsigned    column;     /* 1-based, in characters */
    size_t      offset;     /* byte offset in the original text */
    unsigned    statement;  /* 0-based index of the statement */
    /* Appended later: a diagnostic has them when its size covers them
     * (size > offsetof(sl_diagnostic, code), and so on). */
    const char *code;       /* a stable reason code within the rule, e.g.
                               "not_a_dimension" (aggregate-routing's codes:
                               docs/routing-reasons.md); NULL when the
                               diagnostic has none beyond its rule id.  A
                               released code keeps its meaning. */
    long long   rows_saved; /* aggregate-routing's "routed" and "routable":
                               the estimated rows not scanned (the rules'
                               "rows" of the source minus the aggregate's);
                               -1 when unknown or not such a diagnostic */
} sl_diagnostic;

/* Build an engine from a rules document (JSON).  rules may be NULL for
 * the empty rule set.  source_name is used in error messages.  Returns
 * NULL with *error set (free it with sl_free) on failure. */
SL_API sl_engine *sl_engine_new(const char *rules, size_t rules_len,
                                const char *source_name, char **error);
SL_API sl_engine *sl_engine_new_from_file(const char *path, char **error);
SL_API void       sl_engine_free(sl_engine *engine);

/* Process one request.  Never returns NULL except when out of memory.
 * Hostile input yields a REJECT with a positioned diagnostic. */
SL_API sl_result *sl_process(const sl_engine *engine, const sl_request *request);

SL_API sl_action  sl_result_action(const sl_result *result);
/* The SQL to run (PASS: the input itself; REWRITE: the rewritten text;
 * REJECT: NULL), the formatted SQL or the AST JSON, per the mode.
 * NUL-terminated; *len (if given) receives its length. */
SL_API const char *sl_result_sql(const sl_result *result, size_t *len);
SL_API size_t     sl_result_diagnostic_count(const sl_result *result);
SL_API const sl_diagnostic *sl_result_diagnostic(const sl_result *result, size_t index);
SL_API size_t     sl_result_statement_count(const sl_result *result);
/* The tables the SQL to run reads (PASS and REWRITE; none for REJECT),
 * as lower-case catalog.schema.table, each once, in order of first
 * appearance.  After aggregate routing these are the aggregate tables:
 * an operator matching cache entries to refreshed tables needs them. */
SL_API size_t     sl_result_table_count(const sl_result *result);
SL_API const char *sl_result_table(const sl_result *result, size_t index);
/* The tables the request's SQL reads as written, before any rewrite
 * (also for REJECT, as far as the statements parsed), in the same form:
 * with the list above, what routing replaced by what. */
SL_API size_t     sl_result_source_table_count(const sl_result *result);
SL_API const char *sl_result_source_table(const sl_result *result, size_t index);
/* The lineage of statement `statement` (0-based) when the request set
 * `lineage`: one JSON object, NUL-terminated, *len (if given) receiving
 * its length (docs/lineage.md):
 *   {"statement": 0,
 *    "tables": ["c.s.t", ...],          read as written (CTE names excluded)
 *    "tables_after": ["c.s.agg", ...],  read after the rules' rewrites;
 *                                       null when the rules reject the statement
 *    "columns": [{"name": "n", "sources": ["c.s.t.col", ...]}, ...],
 *    "used": {"filter": [...], "join": [...], "group": [...], "order": [...]},
 *    "unresolved": [...]}
 * NULL when lineage was not asked for, for an index past the last
 * statement, and for a statement sluice cannot read (a syntax error;
 * its diagnostics say why). */
SL_API const char *sl_result_lineage_json(const sl_result *result, size_t statement,
                                          size_t *len);
/* The estimated bytes the request's SQL scans (SL_MODE_ENFORCE and
 * SL_MODE_LINT, when the rules have a "budget"; docs/budget-and-
 * attribution.md): the sum over its statements of each scan's partition
 * window in days times the table's bytes per day, or the table's whole
 * size when the scan has no lower bound, as the rules size the tables
 * the final SQL reads (after routing, the aggregates).  -1 when not
 * estimated: no "budget", a statement sluice could not read or judge,
 * or a table of unknown size under budget.unsized "over_budget". */
SL_API long long  sl_result_scan_bytes(const sl_result *result);
SL_API void       sl_result_free(sl_result *result);

/* sl_process() and everything the accessors above give, in one call,
 * for bindings where each call into the library costs (Python's ctypes
 * gives up and takes back the interpreter lock on every call).  The
 * result is written into buf when it fits in cap bytes; the return value
 * is its size in bytes (0 only when out of memory).  When the return
 * value is larger than cap, buf holds nothing usable: call again with a
 * buffer at least that large (the request is processed again).
 *
 * The packed result: unsigned 32-bit integers and signed 64-bit
 * integers in the machine's byte order, unaligned, strings as
 * length-prefixed UTF-8 without a NUL:
 *   header   u32 x 8: SL_PACKED_VERSION, action, statement count,
 *            diagnostic count, table count, source table count,
 *            SQL length (UINT32_MAX: no SQL, as on REJECT), lineage
 *            count (the statement count when the request set `lineage`
 *            and its mode computes it, else 0)
 *   the SQL  (its length in bytes)
 *   each diagnostic: u32 x 7: severity, line, column, offset,
 *            statement, rule id length, message length; then the rule
 *            id and the message; then (version 4) u32 code length
 *            (UINT32_MAX: no code), i64 rows_saved (-1: none), the code
 *   each table, then each source table: u32 name length, i64 the
 *            rules file's "rows" for it (-1: not known), the name
 *   each lineage document (version 2): u32 length (UINT32_MAX: none,
 *            as sl_result_lineage_json's NULL), the JSON text
 *   the scan estimate (version 3): i64 sl_result_scan_bytes()
 * A later version only appends to the header or to each record's end
 * with a new SL_PACKED_VERSION. */
#define SL_PACKED_VERSION 4
SL_API size_t     sl_process_packed(const sl_engine *engine, const sl_request *request,
                                    void *buf, size_t cap);

SL_API void       sl_free(void *ptr);
SL_API size_t     sl_request_size(void);
/* The diagnostic ids sluice reports (0 <= i < sl_rule_count()): the id,
 * a one-line summary of what the rule is about, and how to fix a
 * finding.  Static strings. */
SL_API size_t     sl_rule_count(void);
SL_API const char *sl_rule_id(size_t i);
SL_API const char *sl_rule_summary(size_t i);
SL_API const char *sl_rule_help(size_t i);
SL_API size_t     sl_diagnostic_size(void);
SL_API const char *sl_version(void);
SL_API const char *sl_action_name(sl_action action);
SL_API const char *sl_severity_name(sl_severity severity);

#ifdef __cplusplus
}
#endif

#endif
