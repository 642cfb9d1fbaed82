/*
 * check.c - the reporting and suppression helpers every rule uses (the
 * rules themselves, and every fact about them, are rows of the rule
 * table, rule_table.c).
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>

void check_report(check_ctx *ctx, rule_id rule, sl_severity sev,
                  long long location, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->report(ctx, rule, sev, location, msg);
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
