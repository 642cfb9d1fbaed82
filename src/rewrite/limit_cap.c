/*
 * limit_cap.c - rule "limit-cap": the rows a statement returns are
 * capped.  No LIMIT gets the default; a LIMIT above the maximum, LIMIT
 * ALL or a LIMIT that is not a constant is lowered to the maximum.  The
 * cap applies to the statement's top level, so a set operation is capped
 * as a whole and LIMITs inside subqueries are left alone.
 *
 * A statement needs no cap when it provably returns at most one row:
 *   1. a simple SELECT (not a set operation, not VALUES), and
 *   2. no GROUP BY (each group is a row), and
 *   3. no generator in its select list (explode(...), stack(...) and
 *      the like return many rows per input row, even over an
 *      aggregate: explode(collect_list(x))), and
 *   4. either no FROM at all, or an aggregate call at its own level
 *      (aggregates without GROUP BY return exactly one row).
 * Adding or lowering a LIMIT never changes the output columns, and
 * keeps ORDER BY and OFFSET as they are.
 */
#include <stdio.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "rewrite.h"

static int returns_one_row(const analysis *an, json_t *f)
{
    const an_block *top = an->top;
    if (!top || top->select != f)
        return 0;                                   /* 1 */
    if (ast_get(f, "valuesLists") || ast_get(f, "groupClause"))
        return 0;                                   /* 1, 2 */
    if (top->has_generator)
        return 0;                                   /* 3 */
    return !ast_get(f, "fromClause") || top->naggs > 0;    /* 4 */
}

void rewrite_limit_cap(check_ctx *ctx)
{
    const rules *r = ctx->rules;
    json_t *f = ast_get(ctx->stmt->node, "SelectStmt");
    if (!r->has_limit || !f || returns_one_row(ctx->an, f))
        return;
    json_t *count = ast_get(f, "limitCount"), *cf = NULL;
    long long location = -1;
    char problem[160];
    long long cap;
    if (!count) {
        snprintf(problem, sizeof problem, "the query has no LIMIT");
        cap = r->limit_default;
    } else {
        ast_kind k = ast_unwrap(count, &cf, NULL);
        location = ast_int(cf, "location");
        json_t *iv = k == AST_A_Const ? ast_get(cf, "ival") : NULL;
        if (k == AST_A_Const && ast_bool(cf, "isnull")) {
            snprintf(problem, sizeof problem, "LIMIT ALL is not allowed");
        } else if (iv) {
            long long v = json_integer_value(ast_get(iv, "ival"));
            if (v <= r->limit_max)
                return;
            snprintf(problem, sizeof problem, "LIMIT %lld is above the maximum of %lld rows",
                     v, r->limit_max);
        } else {
            snprintf(problem, sizeof problem, "LIMIT must be a constant number");
        }
        cap = r->limit_max;
    }
    if (r->limit_enforce == RULES_ENFORCE_REWRITE && ctx->judge_only) {
        /* Judging only (the driver's final re-check): a LIMIT this rule
         * would still change is one a rule after it undid. */
        ctx->rejected = 1;
        check_report(ctx, RULE_LIMIT_CAP, SL_SEVERITY_ERROR, location,
                     "%s; sluice does not change the LIMIT of %s: add LIMIT %lld or less",
                     problem, ctx->judge_only, r->limit_max);
        return;
    }
    switch (r->limit_enforce) {
    case RULES_ENFORCE_REWRITE:
        ast_set_limit(f, cap);
        ctx->modified = 1;
        /* The analysis holds nothing of a missing or constant LIMIT (only
         * the blocks of a subquery in one), and the statement's SELECT
         * object stays the same: no rebuild needed. */
        ctx->analysis_kept = !count || ast_unwrap(count, NULL, NULL) == AST_A_Const;
        check_report(ctx, RULE_LIMIT_CAP, SL_SEVERITY_INFO, location,
                     "%s; LIMIT %lld applied", problem, cap);
        break;
    case RULES_ENFORCE_REJECT:
        ctx->rejected = 1;
        check_report(ctx, RULE_LIMIT_CAP, SL_SEVERITY_ERROR, location,
                     "%s; add LIMIT %lld or less", problem, r->limit_max);
        break;
    case RULES_ENFORCE_WARN:
        check_report(ctx, RULE_LIMIT_CAP, SL_SEVERITY_WARNING, location,
                     "%s; the cap is %lld rows", problem, r->limit_max);
        break;
    case RULES_ENFORCE_OFF:     /* not a mode it takes (rule_table.c) */
        break;
    }
}
