/*
 * check.h - what every rule sees, how it reports, and the one table of
 * rule ids.
 *
 * A rule reads the parsed statement and its analysis (ctx->an, built
 * once by the engine and rebuilt by the rewrite driver after a rule
 * changes the tree), reports diagnostics through check_report(), and
 * may change the AST when its policy says "rewrite"; it then sets
 * ctx->modified and must not read ctx->an again (see analyze.h on
 * staleness).  The engine re-emits, re-parses and compares modified
 * statements before it hands them out, so a faulty rewrite fails closed
 * (diagnostic id "rewrite-verify").
 */
#ifndef SLUICE_CHECK_H
#define SLUICE_CHECK_H

#include <jansson.h>

#include "analyze.h"
#include "parse.h"
#include "rules.h"
#include "sluice.h"

/* Every diagnostic id sluice can produce: enum name, id as printed and
 * as written in "-- sluice: allow ID", whether such a comment may
 * switch it off, what it is about, and how to fix a finding (both
 * public through sl_rule_*(), for lint's SARIF rule entries).  Ids are only ever named through
 * this table, so a misspelt id is a compile error, and an allow comment
 * naming an id that is not here gets a warning (id "suppression"). */
#define RULE_IDS(X) \
    X(RULE_SYNTAX, "syntax", 0, "the text is not SQL sluice can read", \
      "Fix the syntax at the position shown; constructs sluice does not support yet are named in the message.") \
    X(RULE_LIMITS, "limits", 0, "the request is larger than sluice accepts", \
      "Split the request or shorten the query (the limit is 4 MiB).") \
    X(RULE_REQUEST, "request", 0, "the request's own fields are invalid", \
      "Correct the field named in the message (for example \"now\" as YYYY-MM-DD[ HH:MM:SS]).") \
    X(RULE_EMIT, "emit", 0, "a statement cannot be printed as Databricks SQL", \
      "Rewrite the construct named in the message in a form Databricks SQL has.") \
    X(RULE_SUPPRESSION, "suppression", 0, "a sluice: allow comment names no rule", \
      "Name a rule that can be switched off (partition-filter, limit-cap, aggregate-routing, broadcast-hint) or remove the comment.") \
    X(RULE_STATEMENT_KIND, "statement-kind", 0, "only the statement kinds the rules allow run", \
      "Send one read-only query (SELECT, WITH ... SELECT, VALUES) per request.") \
    X(RULE_AGGREGATE_ROUTING, "aggregate-routing", 1, "aggregate queries are answered from pre-computed tables", \
      "Nothing to fix when a query is routed; run with --explain to see why a query was not, and group or filter on the aggregate's dimensions to make it routable.") \
    X(RULE_PARTITION_FILTER, "partition-filter", 1, "scans of partitioned tables are bounded", \
      "Add a filter on the table's partition column within the allowed window, e.g. WHERE transaction_date >= current_date() - INTERVAL 30 DAYS.") \
    X(RULE_BROADCAST_HINT, "broadcast-hint", 1, "joins with small tables get a BROADCAST hint", \
      "Nothing to fix: the hint ships the small table to every executor; add /*+ BROADCAST(alias) */ yourself to keep it in the chart's SQL.") \
    X(RULE_LIMIT_CAP, "limit-cap", 1, "the rows a statement returns are capped", \
      "Add a LIMIT at or below the cap.") \
    X(RULE_REWRITE_VERIFY, "rewrite-verify", 0, "a rewritten statement must re-parse to the tree the rules built", \
      "An internal error: report the query; the statement was refused rather than run in a form nobody intended.") \
    X(RULE_TABLE_RESOLUTION, "table-resolution", 0, "a table name must say which configured table it is", \
      "Write the table as catalog.schema.table.")

typedef enum rule_id {
#define RULE_ENUM(e, id, suppressible, about, help) e,
    RULE_IDS(RULE_ENUM)
#undef RULE_ENUM
    RULE_COUNT
} rule_id;

/* The printed id of a rule ("partition-filter"); a static string. */
const char *rule_name(rule_id id);
/* The rule an allow comment may name, or -1 for an unknown or
 * unsuppressible id (n bytes of name, any case). */
int rule_lookup_suppressible(const char *name, size_t n);

typedef struct check_ctx {
    const rules *rules;
    const sl_request *req;
    const char *text;           /* the request text, NUL-terminated (a copy) */
    parsed_stmt *stmt;          /* the statement; its node may be changed */
    analysis *an;               /* the statement's analysis (see above) */
    unsigned index;             /* statement number in the request */
    long now_days;              /* "now" as days since 1970-01-01 */
    long now_seconds;           /* seconds into that day */
    const char *catalog, *schema;   /* name resolution defaults */
    int modified;               /* a rule changed the AST */
    int analysis_kept;          /* ... only where the analysis does not look
                                   (the rewrite driver need not rebuild it) */
    int analysis_stale;         /* set by the rewrite driver: an edit left the
                                   analysis describing the tree before it */
    int rejected;               /* a rule asked for rejection */
    const char *judge_only;     /* non-NULL: the rules judge the query inside this
                                   statement ("CREATE TABLE ... AS") but cannot
                                   rewrite it (it is not re-emitted): a rewrite
                                   the policy asks for becomes a rejection */
    unsigned suppressed;        /* bit (1 << rule_id) per rule switched off */
    /* Set by the engine: receives each diagnostic. */
    void (*report)(struct check_ctx *ctx, rule_id rule, sl_severity sev,
                   long long location, const char *message);
    void *engine_data;
} check_ctx;

/* Report a diagnostic at a bridged-text location (-1: statement start). */
void check_report(check_ctx *ctx, rule_id rule, sl_severity sev,
                  long long location, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

int check_is_suppressed(const check_ctx *ctx, rule_id rule);

/* Rules that only judge. */
void check_statement_kind(check_ctx *ctx);
/* The rules' policy for names that may be several configured tables, or
 * a configured table written without its schema (table_resolution.c). */
void check_table_resolution(check_ctx *ctx);

/* SQL Lab's metadata statements, which the parser does not read: the
 * kind (RULES_STMT_SHOW, _DESCRIBE, _USE) of a well-formed SHOW TABLES /
 * VIEWS / SCHEMAS / CATALOGS / COLUMNS, DESCRIBE [TABLE] name or USE
 * name statement, else 0.  They read no table's rows. */
unsigned check_metadata_statement(const dialect_source *src, const dialect_stmt *st);
/* The kind's name as statements.allow spells it ("ctas", "show", ...). */
const char *check_kind_name(unsigned kind);

/* For a statement the parser could not read: its first word when that
 * word names a statement kind the rules do not allow (or "FROM ...
 * INSERT" for a FROM-first multi-insert), else NULL. */
const char *check_unparsed_statement_kind(const rules *ru, const dialect_source *src,
                                         const dialect_stmt *st);

#endif
