/*
 * rewrite.c - the rewrite driver: the table of rules that may change a
 * statement, in the order they run (see rewrite.h for why this order).
 *
 * Adding a rewrite rule: write src/rewrite/NAME.c with one entry point
 * void rewrite_NAME(check_ctx *), list the conditions it relies on at
 * the top of that file, add its id to RULE_IDS (check.h), add a row
 * here at its place in the order, and add corpus cases under
 * corpus/guardrails (or a folder of its own with a rules.json).
 */
#include "rewrite.h"

typedef struct rewrite_rule {
    rule_id id;
    void (*run)(check_ctx *ctx);
    const char *purpose;
} rewrite_rule;

static const rewrite_rule rewrite_rules[] = {
    {RULE_LIMIT_CAP, rewrite_limit_cap,
     "cap the rows the statement returns: add or lower its LIMIT"},
    {RULE_AGGREGATE_ROUTING, rewrite_aggregate_routing,
     "answer aggregate blocks from pre-computed aggregate tables when the result is the same"},
    {RULE_PARTITION_FILTER, rewrite_partition_filter,
     "bound every scan of a partitioned table; inject the default window where allowed"},
    {RULE_BROADCAST_HINT, rewrite_broadcast_hints,
     "add BROADCAST hints for joins with tables the rules declare small"},
};

void rewrite_statement(check_ctx *ctx)
{
    int stale = 0;
    for (size_t i = 0; i < sizeof rewrite_rules / sizeof *rewrite_rules; i++) {
        const rewrite_rule *r = &rewrite_rules[i];
        if (check_is_suppressed(ctx, r->id))
            continue;
        if (stale) {
            /* Every pointer in the old analysis may be stale now. */
            analysis_free(ctx->an);
            analysis_build(ctx->an, ctx->stmt->node, ctx->catalog, ctx->schema);
            stale = 0;
        }
        int before = ctx->modified;
        ctx->modified = 0;
        ctx->analysis_kept = 0;
        r->run(ctx);
        stale = ctx->modified && !ctx->analysis_kept;
        ctx->modified |= before;
    }
    ctx->analysis_stale = stale;
}
