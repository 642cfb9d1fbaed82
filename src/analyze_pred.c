/*
 * analyze_pred.c - the analysis layer's questions about names, columns
 * and predicates: which functions are aggregates, generators or
 * non-deterministic (one list each for the whole program), flattening
 * AND lists into conjuncts, whether an expression is a given item's
 * column, and whether an expression uses GROUP BY keys only.
 *
 * Column ownership is decided without table schemas; where a name could
 * belong to more than one FROM item the answer is "not this item's",
 * which makes every rule built on it err towards refusing, never towards
 * letting an unbounded scan through.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "dialect.h"
#include "ast.h"
#include "sbuf.h"

/* Every function sluice classifies, with its classes: one sorted table
 * (strcmp order of the lower-case names), one binary search per call. */
enum {
    FN_AGGREGATE = AN_FN_AGGREGATE,             /* one value per group */
    FN_GENERATOR = AN_FN_GENERATOR,             /* several rows per input row */
    FN_NONDETERMINISTIC = AN_FN_NONDETERMINISTIC, /* differs between calls on one input */
    FN_CLOCK = AN_FN_CLOCK                      /* depends on when the query runs */
};

static const struct fn_class {
    const char *name;
    unsigned classes;
} function_classes[] = {
    {"any", FN_AGGREGATE}, {"any_value", FN_AGGREGATE},
    {"approx_count_distinct", FN_AGGREGATE}, {"approx_percentile", FN_AGGREGATE},
    {"array_agg", FN_AGGREGATE}, {"avg", FN_AGGREGATE}, {"bit_and", FN_AGGREGATE},
    {"bit_or", FN_AGGREGATE}, {"bit_xor", FN_AGGREGATE},
    {"bitmap_construct_agg", FN_AGGREGATE}, {"bitmap_or_agg", FN_AGGREGATE},
    {"bool_and", FN_AGGREGATE}, {"bool_or", FN_AGGREGATE},
    {"collect_list", FN_AGGREGATE}, {"collect_set", FN_AGGREGATE}, {"corr", FN_AGGREGATE},
    {"count", FN_AGGREGATE}, {"count_if", FN_AGGREGATE}, {"count_min_sketch", FN_AGGREGATE},
    {"covar_pop", FN_AGGREGATE}, {"covar_samp", FN_AGGREGATE}, {"curdate", FN_CLOCK},
    {"current_date", FN_CLOCK}, {"current_timestamp", FN_CLOCK},
    {"current_timezone", FN_CLOCK}, {"every", FN_AGGREGATE}, {"explode", FN_GENERATOR},
    {"explode_outer", FN_GENERATOR}, {"first", FN_AGGREGATE}, {"first_value", FN_AGGREGATE},
    {"getdate", FN_CLOCK}, {"histogram_numeric", FN_AGGREGATE},
    {"hll_sketch_agg", FN_AGGREGATE}, {"hll_union_agg", FN_AGGREGATE},
    {"inline", FN_GENERATOR}, {"inline_outer", FN_GENERATOR},
    {"input_file_name", FN_NONDETERMINISTIC}, {"json_tuple", FN_GENERATOR},
    {"kurtosis", FN_AGGREGATE}, {"last", FN_AGGREGATE}, {"last_value", FN_AGGREGATE},
    {"listagg", FN_AGGREGATE}, {"localtimestamp", FN_CLOCK}, {"max", FN_AGGREGATE},
    {"max_by", FN_AGGREGATE}, {"mean", FN_AGGREGATE}, {"median", FN_AGGREGATE},
    {"min", FN_AGGREGATE}, {"min_by", FN_AGGREGATE}, {"mode", FN_AGGREGATE},
    {"monotonically_increasing_id", FN_NONDETERMINISTIC}, {"now", FN_CLOCK},
    {"percentile", FN_AGGREGATE}, {"percentile_approx", FN_AGGREGATE},
    {"percentile_cont", FN_AGGREGATE}, {"percentile_disc", FN_AGGREGATE},
    {"posexplode", FN_GENERATOR}, {"posexplode_outer", FN_GENERATOR},
    {"rand", FN_NONDETERMINISTIC}, {"randn", FN_NONDETERMINISTIC},
    {"random", FN_NONDETERMINISTIC}, {"regr_avgx", FN_AGGREGATE},
    {"regr_avgy", FN_AGGREGATE}, {"regr_count", FN_AGGREGATE},
    {"regr_intercept", FN_AGGREGATE}, {"regr_r2", FN_AGGREGATE}, {"regr_slope", FN_AGGREGATE},
    {"regr_sxx", FN_AGGREGATE}, {"regr_sxy", FN_AGGREGATE}, {"regr_syy", FN_AGGREGATE},
    {"shuffle", FN_NONDETERMINISTIC}, {"skewness", FN_AGGREGATE}, {"some", FN_AGGREGATE},
    {"spark_partition_id", FN_NONDETERMINISTIC}, {"stack", FN_GENERATOR},
    {"std", FN_AGGREGATE}, {"stddev", FN_AGGREGATE}, {"stddev_pop", FN_AGGREGATE},
    {"stddev_samp", FN_AGGREGATE}, {"string_agg", FN_AGGREGATE}, {"sum", FN_AGGREGATE},
    {"try_avg", FN_AGGREGATE}, {"try_reflect", FN_NONDETERMINISTIC},
    {"try_sum", FN_AGGREGATE}, {"uniform", FN_NONDETERMINISTIC},
    {"unix_timestamp", FN_CLOCK}, {"uuid", FN_NONDETERMINISTIC},
    {"var_pop", FN_AGGREGATE}, {"var_samp", FN_AGGREGATE}, {"variance", FN_AGGREGATE},
};

static int cmp_fn(const void *key, const void *elem)
{
    return strcasecmp((const char *)key, ((const struct fn_class *)elem)->name);
}

unsigned an_function_classes(const char *name)
{
    if (!name)
        return 0;
    const struct fn_class *c = bsearch(name, function_classes,
                                       sizeof function_classes / sizeof *function_classes,
                                       sizeof *function_classes, cmp_fn);
    return c ? c->classes : 0;
}

int an_is_aggregate_name(const char *name)        { return (an_function_classes(name) & FN_AGGREGATE) != 0; }
int an_is_generator_name(const char *name)        { return (an_function_classes(name) & FN_GENERATOR) != 0; }
int an_is_nondeterministic_name(const char *name) { return (an_function_classes(name) & FN_NONDETERMINISTIC) != 0; }
int an_is_time_function_name(const char *name)    { return (an_function_classes(name) & FN_CLOCK) != 0; }

const char *an_func_name(json_t *f)
{
    json_t *names = ast_get(f, "funcname");
    return ast_string_value(json_array_get(names, json_array_size(names) - 1));
}

int an_has_aggregate(json_t *v)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            if (an_has_aggregate(c))
                return 1;
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    json_t *f;
    ast_kind k = ast_unwrap(v, &f, NULL);
    if (k == AST_SubLink || k == AST_SelectStmt)
        return 0;           /* a subquery's aggregates are its own */
    if (k == AST_FuncCall && !ast_get(f, "over") && an_is_aggregate_name(an_func_name(f)))
        return 1;
    json_t *o = f ? f : v, *child;
    ast_foreach_value(o, child)
        if (an_has_aggregate(child))
            return 1;
    return 0;
}

void an_push_node(json_t ***list, size_t *n, json_t *node)
{
    /* The capacity is the next power of two: grow when n reaches one. */
    if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0))
        *list = xrealloc(*list, (*n ? *n * 2 : 4) * sizeof **list);
    (*list)[(*n)++] = node;
}

static int conjuncts_at(json_t *cond, json_t ***list, size_t *n, int depth)
{
    json_t *f;
    if (!cond)
        return 0;
    if (depth > AN_MAX_DEPTH)
        return -1;
    if (ast_unwrap(cond, &f, NULL) == AST_BoolExpr &&
        strcmp(ast_str(f, "boolop"), "AND_EXPR") == 0) {
        size_t i;
        json_t *a;
        json_array_foreach(ast_get(f, "args"), i, a)
            if (conjuncts_at(a, list, n, depth + 1) < 0)
                return -1;
        return 0;
    }
    an_push_node(list, n, cond);
    return 0;
}

int an_conjuncts(json_t *cond, json_t ***list, size_t *n)
{
    return conjuncts_at(cond, list, n, 0);
}

static int col_matches(const char *name, const char *const *cols)
{
    for (; *cols; cols++)
        if (strcasecmp(name, *cols) == 0)
            return 1;
    return 0;
}

int an_derived_may_output(const an_item *o, const char *col)
{
    json_t *sel = ast_get(ast_get(o->node, "subquery"), "SelectStmt");
    while (sel && ast_get(sel, "larg"))
        sel = ast_get(sel, "larg");
    json_t *alias_cols = ast_get(ast_get(o->node, "alias"), "colnames");
    size_t i;
    json_t *t, *tf;
    if (alias_cols) {
        json_array_foreach(alias_cols, i, t) {
            const char *n = ast_string_value(t);
            if (n && strcasecmp(n, col) == 0)
                return 1;
        }
        return 0;
    }
    json_array_foreach(ast_get(sel, "targetList"), i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            return 1;
        json_t *vf;
        if (ast_unwrap(ast_get(tf, "val"), &vf, NULL) == AST_ColumnRef) {
            json_t *fields = ast_get(vf, "fields");
            if (ast_unwrap(json_array_get(fields, json_array_size(fields) - 1), NULL, NULL) == AST_A_Star)
                return 1;       /* SELECT *: could be anything */
        }
        const char *n = analysis_target_name(tf);
        if (n && strcasecmp(n, col) == 0)
            return 1;
    }
    return 0;
}

int an_is_item_column(json_t *e, const an_item *item, const char *const *cols)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(f, "fields");
    size_t n = json_array_size(fields);
    const char *col = ast_string_value(json_array_get(fields, n - 1));
    if (!col || !col_matches(col, cols))
        return 0;
    if (n >= 2) {
        const char *qual = ast_string_value(json_array_get(fields, n - 2));
        return qual && item->alias && strcasecmp(qual, item->alias) == 0;
    }
    /* Unqualified.  The scanned table has this column, so if the query
     * runs at all the name is ours -- unless another item could also own
     * it (then Spark would call it ambiguous, and we do not guess). */
    an_block *blk = item->block;
    for (size_t i = 0; i < blk->nitems; i++) {
        an_item *o = blk->items[i];
        if (o == item)
            continue;
        if (o->kind == AN_FUNCTION) {
            /* LATERAL VIEW f(...) x AS a, b / f(...) AS x (a, b): its
             * alias list names its columns (filter reach). */
            json_t *colnames = ast_get(ast_get(o->node, "alias"), "colnames"), *c;
            size_t k;
            json_array_foreach(colnames, k, c)
                if (ast_string_value(c) && strcasecmp(ast_string_value(c), col) == 0)
                    return 0;
            continue;
        }
        if (o->kind == AN_TABLE && item->qualified && o->qualified &&
            strcmp(o->qualified, item->qualified) == 0)
            return 0;
        if (o->kind == AN_SUBQUERY && an_derived_may_output(o, col))
            return 0;
        if (o->kind == AN_CTE_REF)
            return 0;
    }
    return 1;
}

int an_column_of_other(json_t *e, const an_item *self, an_item **item_out, const char **col_out)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(f, "fields");
    size_t n = json_array_size(fields);
    if (n < 2)
        return 0;
    const char *qual = ast_string_value(json_array_get(fields, n - 2));
    const char *col = ast_string_value(json_array_get(fields, n - 1));
    if (!qual || !col)
        return 0;
    an_block *blk = self->block;
    for (size_t i = 0; i < blk->nitems; i++) {
        an_item *o = blk->items[i];
        if (o != self && o->alias && strcasecmp(o->alias, qual) == 0) {
            *item_out = o;
            *col_out = col;
            return 1;
        }
    }
    return 0;
}

int an_is_group_key(const an_block *blk, json_t *e)
{
    if (blk->grouping_sets)
        return 0;
    for (size_t i = 0; i < blk->ngroup; i++)
        if (!blk->group[i].via_alias && ast_equal_ignoring_locations(blk->group[i].expr, e))
            return 1;
    return 0;
}

static int keys_only(const an_block *blk, json_t *v, int depth)
{
    if (depth > AN_MAX_DEPTH)
        return 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            if (!keys_only(blk, c, depth + 1))
                return 0;
        return 1;
    }
    if (!json_is_object(v))
        return 1;
    json_t *f;
    ast_kind k = ast_unwrap(v, &f, NULL);
    if (k != AST_UNKNOWN && an_is_group_key(blk, v))
        return 1;
    if (k == AST_ColumnRef || k == AST_SubLink || k == AST_SelectStmt || k == AST_GroupingFunc)
        return 0;
    if (k == AST_FuncCall && (ast_get(f, "over") || an_is_aggregate_name(an_func_name(f)) ||
                              an_is_nondeterministic_name(an_func_name(f))))
        return 0;
    json_t *o = f ? f : v, *child;
    ast_foreach_value(o, child)
        if (!keys_only(blk, child, depth + 1))
            return 0;
    return 1;
}

int an_refers_to_keys_only(const an_block *blk, json_t *e)
{
    if (blk->grouping_sets || blk->ngroup == 0)
        return 0;
    return keys_only(blk, e, 0);
}

int an_is_group_by_all(json_t *group_clause)
{
    json_t *cf;
    if (json_array_size(group_clause) != 1 ||
        ast_unwrap(json_array_get(group_clause, 0), &cf, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(cf, "fields");
    const char *name = json_array_size(fields) == 1 ?
                       ast_string_value(json_array_get(fields, 0)) : NULL;
    return name && strcmp(name, DIALECT_GROUP_BY_ALL) == 0;
}
