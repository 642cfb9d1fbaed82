/*
 * check.h - what every rule module sees, and how it reports.
 *
 * A rule reads the parsed statement (and the analysis, for rules that
 * need it), reports diagnostics through check_report(), and may change
 * the AST when its policy says "rewrite"; it then sets ctx->modified.
 * The engine re-emits, re-parses and compares modified statements
 * before it hands them out, so a faulty rewrite fails closed.
 */
#ifndef SLUICE_CHECK_H
#define SLUICE_CHECK_H

#include <jansson.h>

#include "parse.h"
#include "rules.h"
#include "sluice.h"

typedef struct check_ctx {
    const rules *rules;
    const sl_request *req;
    parsed_stmt *stmt;          /* the statement; its node may be changed */
    unsigned index;             /* statement number in the request */
    long now_days;              /* "now" as days since 1970-01-01 */
    long now_seconds;           /* seconds into that day */
    const char *catalog, *schema;   /* name resolution defaults */
    int modified;               /* a rule changed the AST */
    int rejected;               /* a rule asked for rejection */
    /* Set by the engine: receives each diagnostic. */
    void (*report)(struct check_ctx *ctx, const char *rule, sl_severity sev,
                   long long location, const char *message);
    void *engine_data;
    const char *const *suppressed;  /* rule ids switched off for this statement */
} check_ctx;

/* Report a diagnostic at a bridged-text location (-1: statement start). */
void check_report(check_ctx *ctx, const char *rule, sl_severity sev,
                  long long location, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

int check_is_suppressed(const check_ctx *ctx, const char *rule);

/* The rules.  Each returns nothing: findings go through check_report. */
void check_statement_kind(check_ctx *ctx);
void check_limit_cap(check_ctx *ctx);
void check_partition_filter(check_ctx *ctx);

/* For a statement the parser could not read: its first word when that
 * word names a statement kind the rules do not allow, else NULL. */
const char *check_unparsed_statement_kind(const rules *ru, const char *text);

#endif
