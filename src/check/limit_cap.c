/*
 * limit_cap.c - rule "limit-cap": the rows a statement returns are
 * capped.  No LIMIT gets the default; a LIMIT above the maximum, LIMIT
 * ALL or a LIMIT that is not a constant is lowered to the maximum.  The
 * cap applies to the statement's top level, so a set operation is capped
 * as a whole and LIMITs inside subqueries are left alone.  A query that
 * provably returns one row (SELECT without FROM, or aggregates without
 * GROUP BY) needs no cap.
 */
#include <string.h>
#include <strings.h>

#include "ast.h"
#include "check.h"

static int is_aggregate_name(const char *name)
{
    static const char *const aggs[] = {
        "any", "any_value", "approx_count_distinct", "approx_percentile", "array_agg",
        "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "collect_list",
        "collect_set", "corr", "count", "count_if", "count_min_sketch", "covar_pop",
        "covar_samp", "every", "first", "histogram_numeric", "kurtosis", "last",
        "listagg", "max", "max_by", "mean", "median", "min", "min_by", "mode",
        "percentile", "percentile_approx", "percentile_cont", "percentile_disc",
        "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2",
        "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "skewness", "some", "std",
        "stddev", "stddev_pop", "stddev_samp", "string_agg", "sum", "try_avg",
        "try_sum", "var_pop", "var_samp", "variance", NULL};
    for (int i = 0; aggs[i]; i++)
        if (strcasecmp(aggs[i], name) == 0)
            return 1;
    return 0;
}

/* Does the expression contain an aggregate call of this query level? */
static int has_aggregate(json_t *v)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            if (has_aggregate(c))
                return 1;
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    json_t *f;
    const char *name;
    ast_kind k = ast_unwrap(v, &f, &name);
    if (k == AST_SubLink || k == AST_SelectStmt)
        return 0;           /* a subquery's aggregates are its own */
    if (k == AST_FuncCall && !ast_get(f, "over")) {
        json_t *names = ast_get(f, "funcname");
        const char *fn = ast_string_value(json_array_get(names, json_array_size(names) - 1));
        if (fn && is_aggregate_name(fn))
            return 1;
    }
    const char *key;
    json_t *child;
    json_object_foreach(f ? f : v, key, child)
        if (has_aggregate(child))
            return 1;
    return 0;
}

static int returns_one_row(json_t *f)
{
    const char *op = ast_str(f, "op");
    if (*op && strcmp(op, "SETOP_NONE") != 0)
        return 0;
    if (ast_get(f, "valuesLists") || ast_get(f, "groupClause"))
        return 0;
    if (!ast_get(f, "fromClause"))
        return 1;
    return has_aggregate(ast_get(f, "targetList"));
}

void check_limit_cap(check_ctx *ctx)
{
    const rules *r = ctx->rules;
    json_t *f = json_object_get(ctx->stmt->node, "SelectStmt");
    if (!r->has_limit || !f || check_is_suppressed(ctx, "limit-cap") || returns_one_row(f))
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
            long long v = json_integer_value(json_object_get(iv, "ival"));
            if (v <= r->limit_max)
                return;
            snprintf(problem, sizeof problem, "LIMIT %lld is above the maximum of %lld rows",
                     v, r->limit_max);
        } else {
            snprintf(problem, sizeof problem, "LIMIT must be a constant number");
        }
        cap = r->limit_max;
    }
    switch (r->limit_enforce) {
    case RULES_ENFORCE_REWRITE:
        json_object_set_new(f, "limitCount",
                            json_pack("{s:{s:{s:I},s:i}}", "A_Const", "ival", "ival",
                                      (json_int_t)cap, "location", -1));
        json_object_set_new(f, "limitOption", json_string("LIMIT_OPTION_COUNT"));
        ctx->modified = 1;
        check_report(ctx, "limit-cap", SL_SEVERITY_INFO, location,
                     "%s; LIMIT %lld applied", problem, cap);
        break;
    case RULES_ENFORCE_REJECT:
        ctx->rejected = 1;
        check_report(ctx, "limit-cap", SL_SEVERITY_ERROR, location,
                     "%s; add LIMIT %lld or less", problem, r->limit_max);
        break;
    case RULES_ENFORCE_WARN:
        check_report(ctx, "limit-cap", SL_SEVERITY_WARNING, location,
                     "%s; the cap is %lld rows", problem, r->limit_max);
        break;
    }
}
