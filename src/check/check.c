/*
 * check.c - the rule id table, and the reporting and suppression
 * helpers every rule uses.
 */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    int suppressible;
    const char *about, *help;
} rule_table[RULE_COUNT] = {
#define RULE_ROW(e, id, suppressible, about, help) [e] = {id, suppressible, about, help},
    RULE_IDS(RULE_ROW)
#undef RULE_ROW
};

SL_API size_t sl_rule_count(void)
{
    return RULE_COUNT;
}

SL_API const char *sl_rule_id(size_t i)
{
    return i < RULE_COUNT ? rule_table[i].name : NULL;
}

SL_API const char *sl_rule_summary(size_t i)
{
    return i < RULE_COUNT ? rule_table[i].about : NULL;
}

SL_API const char *sl_rule_help(size_t i)
{
    return i < RULE_COUNT ? rule_table[i].help : NULL;
}

const char *rule_name(rule_id id)
{
    return (unsigned)id < RULE_COUNT ? rule_table[id].name : "?";
}

int rule_lookup_suppressible(const char *name, size_t n)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (rule_table[i].suppressible && strlen(rule_table[i].name) == n &&
            strncasecmp(rule_table[i].name, name, n) == 0)
            return i;
    return -1;
}

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
