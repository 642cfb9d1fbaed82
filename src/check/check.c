/*
 * check.c - the reporting and suppression helpers every rule uses (the
 * rules themselves, and every fact about them, are rows of the rule
 * table, rule_table.c).
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>

#include "sbuf.h"

void check_report(check_ctx *ctx, rule_id rule, sl_severity sev,
                  long long location, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->report(ctx, rule, sev, location, NULL, -1, msg);
}

/* Its message may be longer than check_report's (a list of candidates
 * with their reasons): it is sized to fit. */
void check_report_code(check_ctx *ctx, rule_id rule, sl_severity sev,
                       long long location, const char *code, long long rows_saved,
                       const char *fmt, ...)
{
    sbuf msg = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(&msg, fmt, ap);
    va_end(ap);
    ctx->report(ctx, rule, sev, location, code, rows_saved, sbuf_cstr(&msg));
    sbuf_free(&msg);
}

const resolution *check_resolution(check_ctx *ctx)
{
    if (!ctx->resolution_built) {
        resolve_build(&ctx->resolution, ctx->an, ctx->rules);
        ctx->resolution_built = 1;
    }
    return &ctx->resolution;
}

void check_resolution_drop(check_ctx *ctx)
{
    if (ctx->resolution_built)
        resolve_free(&ctx->resolution);
    ctx->resolution_built = 0;
}

int check_is_suppressed(const check_ctx *ctx, rule_id rule)
{
    return (ctx->suppressed >> rule) & 1u;
}
