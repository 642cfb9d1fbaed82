/*
 * check.h - what every rule sees (check_ctx), how it reports, and the
 * entry points of the rules that only judge (src/check/).
 *
 * A rule is a row of the rule table (rule_table.h: its id, stage, order,
 * modes, suppression, help text and entry point; adding a rule is
 * described there).  It reads the parsed statement and its analysis
 * (ctx->an, built by the rule driver and rebuilt by it after a rule
 * changes the tree), reports diagnostics through check_report(), and may
 * change the AST when its policy says "rewrite" (never when
 * ctx->judge_only is set); it then sets ctx->modified.  Nodes its edits
 * replace stay alive until it returns (the driver's deferral,
 * ast_edit.h), so it may go on reading ctx->an for the parts of the tree
 * it has not changed.  The driver re-checks the final tree with the
 * guard rules, and the engine re-emits, re-parses and compares modified
 * statements before it hands them out, so a faulty rewrite fails closed
 * (diagnostic ids of the guard, and "rewrite-verify").
 */
#ifndef SLUICE_CHECK_H
#define SLUICE_CHECK_H

#include <jansson.h>
#include <limits.h>

#include "analyze.h"
#include "parse.h"
#include "dialect.h"
#include "resolve.h"
#include "rule_table.h"
#include "rules.h"
#include "sluice.h"

/* check_ctx.fresh_through: the request gives no day for this aggregate. */
#define CHECK_NO_FRESH_THROUGH LONG_MIN

typedef struct check_ctx {
    const rule_def *rows;       /* the rule table the driver runs (rule_rows) */
    size_t nrows;
    const rules *rules;
    const sl_request *req;
    const char *text;           /* the request text, NUL-terminated (a copy) */
    const dialect_source *src;  /* the request's tokens */
    const dialect_stmt *span;   /* the statement's tokens; where a diagnostic at
                                   location -1 points */
    const dialect_stmt *stmts;  /* every statement of the request */
    size_t nstmts;
    parsed_stmt *stmt;          /* the statement; its node may be changed (NULL:
                                   the parser could not read it) */
    json_t *query;              /* set by the driver: the query the rules judge
                                   (stmt->node, or the query inside CREATE ... AS
                                   / INSERT, a reference the driver owns) */
    const char *container;      /* set by the driver: "CREATE TABLE ... AS" (or
                                   "CREATE VIEW ... AS", "INSERT") when query is
                                   the query inside such a statement, else NULL */
    analysis *an;               /* the statement's analysis (see above) */
    resolution resolution;      /* its name binding: read it through
                                   check_resolution(), which builds it on
                                   first use; dropped with the analysis */
    int resolution_built;
    unsigned index;             /* statement number in the request */
    long now_days;              /* "now" on the session's wall clock (the
                                   request's time_zone): days since 1970-01-01 */
    long now_seconds;           /* seconds into that day */
    int clock_unknown;          /* the session's offset is not known: now_* is
                                   UTC's clock, close enough for a guard's window
                                   (a day either way), never for a rewrite that
                                   writes a clock-relative bound as a value */
    const long *fresh_through;  /* per aggregate (rules->aggregates' order): the
                                   request's fresh_through, or
                                   CHECK_NO_FRESH_THROUGH; NULL: none given */
    const char *catalog, *schema;   /* name resolution defaults */
    int modified;               /* a rule changed the AST */
    int analysis_kept;          /* ... only where the analysis does not look
                                   (the driver need not rebuild it) */
    int analysis_stale;         /* set by the driver: an edit left the analysis
                                   describing the tree before it */
    int rejected;               /* a rule asked for rejection */
    const char *judge_only;     /* non-NULL: the rules judge the query inside this
                                   statement ("CREATE TABLE ... AS") but cannot
                                   rewrite it (it is not re-emitted), or the
                                   driver re-checks the final tree ("the
                                   rewritten statement"): a rewrite the policy
                                   asks for becomes a rejection */
    unsigned suppressed;        /* bit (1 << rule_id) per rule switched off */
    /* Set by the engine: receives each diagnostic. */
    void (*report)(struct check_ctx *ctx, rule_id rule, sl_severity sev,
                   long long location, const char *code, long long rows_saved,
                   const char *message);
    void *engine_data;
    long long scan_bytes;       /* set by scan-budget: the statement's estimated
                                   bytes scanned; -1 (the engine's start) when
                                   not estimated or unknown */
} check_ctx;

/* Report a diagnostic at a bridged-text location (-1: statement start). */
void check_report(check_ctx *ctx, rule_id rule, sl_severity sev,
                  long long location, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The same, with a reason code (sl_diagnostic.code: a static string, e.g.
 * a row of src/rewrite/route_reasons.h, or NULL) and the estimated rows
 * a routing saves (sl_diagnostic.rows_saved, -1 for none). */
void check_report_code(check_ctx *ctx, rule_id rule, sl_severity sev,
                       long long location, const char *code, long long rows_saved,
                       const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

int check_is_suppressed(const check_ctx *ctx, rule_id rule);

/* The binding of every column reference of ctx->an (resolve.h), built
 * the first time a rule asks and kept until the analysis changes: whoever
 * rebuilds or frees ctx->an calls check_resolution_drop() first. */
const resolution *check_resolution(check_ctx *ctx);
void check_resolution_drop(check_ctx *ctx);

/* Rules that only judge (rows of rule_table.c). */
void check_statement_kind(check_ctx *ctx);
/* statement-kind for a statement the parser could not read, and for the
 * request as a whole (rule_table.h, rule_read_unparsed() and after). */
int check_statement_kind_read_unparsed(check_ctx *ctx);
void check_statement_kind_unparsed(check_ctx *ctx);
void check_statement_kind_request(check_ctx *ctx);
/* The rules' policy for names that may be several configured tables, or
 * a configured table written without its schema (table_resolution.c). */
void check_table_resolution(check_ctx *ctx);
/* The rules' "budget": the bytes the final tree scans (scan_budget.c). */
void check_scan_budget(check_ctx *ctx);
/* bytes as "512 bytes", "3.1 TB", "200 GB" (decimal units). */
void scan_budget_format_bytes(long long bytes, char *buf, size_t size);

#endif
