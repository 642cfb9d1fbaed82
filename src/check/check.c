/*
 * check.c - the reporting and suppression helpers every rule uses.
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void check_report(check_ctx *ctx, const char *rule, sl_severity sev,
                  long long location, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ctx->report(ctx, rule, sev, location, msg);
}

int check_is_suppressed(const check_ctx *ctx, const char *rule)
{
    for (const char *const *s = ctx->suppressed; s && *s; s++)
        if (strcmp(*s, rule) == 0)
            return 1;
    return 0;
}
