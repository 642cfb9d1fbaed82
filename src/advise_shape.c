/*
 * advise_shape.c - the shape of each aggregate query block over a fact
 * table, for `sluice advise` (advise_shape.h): which of the fact's
 * columns it reads outside aggregate calls (the dimensions an aggregate
 * needs, a time column at the grain its date_trunc asks for) and which
 * aggregates it computes (the measures an aggregate needs: AVG as its
 * SUM and COUNT parts, COUNT(DISTINCT e) as e's columns kept as
 * dimensions).
 *
 * The statement is read as the router reads it: parse_stmt, the
 * analysis (analyze.h) and the column bindings (resolve.h); a column
 * counts when it is bound to the fact's scan.  Nothing here decides what
 * an aggregate answers: this only proposes what to store, and the
 * router is asked afterwards (src/cli/advise.c).
 */
#include "advise_shape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "arena.h"
#include "ast.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "resolve.h"
#include "sbuf.h"

typedef struct reader {
    const resolution *res;
    const an_item *fact;
    const rules_table *table;
    adv_block *out;
    int in_where;
} reader;

static char *lower_dup(const char *s)
{
    char *d = xstrdup(s);
    for (char *p = d; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

/* The fact column a reference is bound to (resolve.h), or NULL. */
static const char *fact_column(const reader *rd, json_t *colref_fields)
{
    const rs_binding *b = resolve_lookup(rd->res, colref_fields);
    if (!b || (b->kind != RS_COLUMN && b->kind != RS_FIELD) || b->item != rd->fact)
        return NULL;
    return b->column;
}

/* Condition 4 of aggregate_routing.c in reverse: the grain whose buckets
 * both a and b are unions of (weeks straddle months: a week with any
 * other grain needs days). */
static int finer_grain(int a, int b)
{
    if (a == b)
        return a;
    int g = a < b ? a : b;
    if ((a == RULES_GRAIN_WEEK || b == RULES_GRAIN_WEEK) && g > RULES_GRAIN_DAY)
        g = RULES_GRAIN_DAY;
    return g == RULES_GRAIN_WEEK ? RULES_GRAIN_DAY : g;
}

static void add_dim(adv_block *b, const char *column, int use)
{
    for (size_t i = 0; i < b->ndims; i++) {
        adv_dim *d = &b->dims[i];
        if (strcasecmp(d->column, column) != 0)
            continue;
        if (d->use == ADV_USE_RAW || use == ADV_USE_RAW)
            d->use = ADV_USE_RAW;
        else if (d->use == ADV_USE_FILTER)
            d->use = use;
        else if (use != ADV_USE_FILTER)
            d->use = finer_grain(d->use, use);
        return;
    }
    b->dims = xrealloc(b->dims, (b->ndims + 1) * sizeof *b->dims);
    b->dims[b->ndims++] = (adv_dim){lower_dup(column), use};
}

static void add_measure(adv_block *b, const char *func, const char *arg)
{
    for (size_t i = 0; i < b->nmeasures; i++)
        if (strcmp(b->measures[i].func, func) == 0 &&
            ((!arg && !b->measures[i].arg) ||
             (arg && b->measures[i].arg && strcmp(arg, b->measures[i].arg) == 0)))
            return;
    b->measures = xrealloc(b->measures, (b->nmeasures + 1) * sizeof *b->measures);
    b->measures[b->nmeasures++] = (adv_measure){xstrdup(func), arg ? xstrdup(arg) : NULL};
}

/* ---- an aggregate call's argument, over the fact's columns only ---- */

typedef struct arg_check { const reader *rd; int foreign; } arg_check;

static ast_walk_rc check_arg_node(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    arg_check *ac = w->ctx;
    (void)node;
    if (k == AST_SubLink || k == AST_SelectStmt) {
        ac->foreign = 1;
        return AST_WALK_ABORT;
    }
    if (k == AST_ColumnRef && !fact_column(ac->rd, f)) {
        ac->foreign = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

/* Every column reference's qualifier dropped: the aggregate's query reads
 * the fact alone, under its own name. */
static ast_walk_rc unqualify_node(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    (void)w;
    (void)node;
    if (k == AST_ColumnRef) {
        json_t *parts = ast_get(f, "fields");
        while (json_array_size(parts) > 1)
            json_array_remove(parts, 0);
        return AST_WALK_PRUNE;
    }
    return AST_WALK_CONTINUE;
}

/* The argument as Databricks SQL over the fact's columns (malloc'd), or
 * NULL if it reads anything else. */
static char *arg_text(const reader *rd, json_t *arg)
{
    arg_check ac = {rd, 0};
    ast_walker w = {.fn = check_arg_node, .ctx = &ac, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, arg);
    if (ac.foreign || w.too_deep)
        return NULL;
    json_t *copy = json_deep_copy(arg);
    ast_walker u = {.fn = unqualify_node, .max_depth = AN_MAX_DEPTH};
    ast_walk(&u, copy);
    sbuf s = SBUF_INIT;
    emit_error err;
    char *out = NULL;
    if (emit_expression(copy, EMIT_DATABRICKS, &s, &err) == 0)
        out = xstrdup(s.data ? s.data : "");
    sbuf_free(&s);
    arena_json_release(copy);
    return out;
}

/* ---- the block's clauses ------------------------------------------- */

static ast_walk_rc read_node(ast_walker *w, json_t *node, ast_kind k, json_t *f);

static void read_tree(reader *rd, json_t *tree)
{
    ast_walker w = {.fn = read_node, .ctx = rd, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, tree);
    if (w.too_deep && !rd->out->unanswerable)
        rd->out->unanswerable = "nested too deeply";
}

/* One aggregate call: the measures it needs. */
static void read_aggregate(reader *rd, const char *name, json_t *f)
{
    adv_block *b = rd->out;
    json_t *args = ast_get(f, "args");
    int star = json_is_true(ast_get(f, "agg_star"));
    int distinct = json_is_true(ast_get(f, "agg_distinct"));
    if (ast_get(f, "agg_filter") || ast_get(f, "agg_order") || ast_get(f, "agg_within_group") ||
        ast_get(f, "over")) {
        if (!b->unanswerable)
            b->unanswerable = "an aggregate call with FILTER, ORDER or OVER";
        return;
    }
    char fn[16];
    snprintf(fn, sizeof fn, "%s", name);
    for (char *p = fn; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (strcmp(fn, "count") == 0 && distinct) {
        read_tree(rd, args);        /* its columns are dimensions */
        return;
    }
    static const char *const stored[] = {"sum", "count", "min", "max", "avg", NULL};
    int known = 0;
    for (int i = 0; stored[i] && !known; i++)
        known = strcmp(fn, stored[i]) == 0;
    if (!known || distinct || (!star && json_array_size(args) != 1)) {
        if (!b->unanswerable)
            b->unanswerable = "an aggregate function other than SUM, COUNT, MIN, MAX and AVG";
        return;
    }
    if (star) {
        add_measure(b, "count", NULL);
        return;
    }
    char *arg = arg_text(rd, json_array_get(args, 0));
    if (!arg) {
        if (!b->unanswerable)
            b->unanswerable = "an aggregate of another table's columns";
        return;
    }
    if (strcmp(fn, "avg") == 0) {
        add_measure(b, "sum", arg);         /* AVG's parts */
        add_measure(b, "count", arg);
    } else {
        add_measure(b, fn, arg);
    }
    free(arg);
}

static int is_time_column(const reader *rd, const char *col)
{
    const rules_table *t = rd->table;
    return (t->column && strcasecmp(t->column, col) == 0) ||
           (t->derived_from && strcasecmp(t->derived_from, col) == 0);
}

static ast_walk_rc read_node(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    reader *rd = w->ctx;
    (void)node;
    if (k == AST_SubLink || k == AST_SelectStmt || k == AST_RangeSubselect)
        return AST_WALK_PRUNE;
    if (k == AST_FuncCall) {
        const char *name = an_func_name(f);
        if (name && an_is_aggregate_name(name) && !ast_get(f, "over")) {
            read_aggregate(rd, name, f);
            return AST_WALK_PRUNE;
        }
        json_t *args = ast_get(f, "args"), *uf, *cf;
        if (name && strcasecmp(name, "date_trunc") == 0 && json_array_size(args) == 2 &&
            ast_unwrap(json_array_get(args, 0), &uf, NULL) == AST_A_Const &&
            ast_unwrap(json_array_get(args, 1), &cf, NULL) == AST_ColumnRef) {
            int grain = rules_grain_of_unit(json_string_value(ast_get(ast_get(uf, "sval"),
                                                                      "sval")));
            const char *col = fact_column(rd, cf);
            if (grain != RULES_GRAIN_NONE && col) {
                add_dim(rd->out, col, grain);
                return AST_WALK_PRUNE;
            }
        }
        return AST_WALK_CONTINUE;
    }
    if (k == AST_ColumnRef) {
        const char *col = fact_column(rd, f);
        if (col)
            add_dim(rd->out, col, rd->in_where && is_time_column(rd, col) ? ADV_USE_FILTER
                                                                          : ADV_USE_RAW);
        return AST_WALK_PRUNE;
    }
    return AST_WALK_CONTINUE;
}

static int cmp_dim(const void *a, const void *b)
{
    return strcmp(((const adv_dim *)a)->column, ((const adv_dim *)b)->column);
}

static int cmp_measure(const void *a, const void *b)
{
    const adv_measure *x = a, *y = b;
    int c = strcmp(x->func, y->func);
    if (c)
        return c;
    if (!x->arg || !y->arg)
        return (x->arg != NULL) - (y->arg != NULL);
    return strcmp(x->arg, y->arg);
}

static void read_block(const rules *ru, const resolution *res, const an_block *blk,
                       const parsed_stmt *ps, unsigned stmt, adv_block **out, size_t *n)
{
    if (!blk->ngroup && !blk->naggs && !blk->grouping_sets)
        return;
    const an_item *fact = NULL;
    const rules_table *table = NULL;
    for (size_t k = 0; k < blk->nitems && !fact; k++) {
        const an_item *it = blk->items[k];
        const rules_table *t = it->kind == AN_TABLE && it->qualified
                                   ? rules_find_table(ru, it->qualified) : NULL;
        if (t && t->partitioned) {
            fact = it;
            table = t;
        }
    }
    if (!fact)
        return;
    adv_block b = {0};
    b.fact = xstrdup(fact->qualified);
    b.statement = stmt;
    b.offset = fact->location >= 0 ? dialect_to_orig(&ps->br, (size_t)fact->location)
                                   : ps->span.start;
    reader rd = {res, fact, table, &b, 0};
    static const char *const clauses[] = {"targetList", "groupClause", "havingClause",
                                          "sortClause", "fromClause", NULL};
    for (int c = 0; clauses[c]; c++)
        read_tree(&rd, ast_get(blk->select, clauses[c]));
    rd.in_where = 1;
    read_tree(&rd, ast_get(blk->select, "whereClause"));
    if (blk->has_window || blk->has_generator || blk->nondeterministic)
        b.unanswerable = b.unanswerable ? b.unanswerable
                                        : "a window, generator or non-deterministic function";
    xqsort(b.dims, b.ndims, sizeof *b.dims, cmp_dim);
    xqsort(b.measures, b.nmeasures, sizeof *b.measures, cmp_measure);
    *out = xrealloc(*out, (*n + 1) * sizeof **out);
    (*out)[(*n)++] = b;
}

size_t adv_read_blocks(const rules *ru, const char *sql, size_t len, const char *catalog,
                       const char *schema, adv_block **out)
{
    *out = NULL;
    size_t n = 0;
    char *text = xstrndup(sql, len);
    dialect_source src;
    dialect_error err;
    arena_request_begin();
    if (dialect_lex(&src, text, len, &err) == 0) {
        dialect_stmt *stmts;
        size_t ns = dialect_statements(&src, &stmts);
        for (size_t i = 0; i < ns; i++) {
            arena_mark m = arena_mark_now();
            parsed_stmt ps;
            if (parse_stmt(&src, &stmts[i], &ps, &err) == 0) {
                analysis an;
                analysis_build(&an, ps.node, catalog ? catalog : ru->default_catalog,
                               schema ? schema : ru->default_schema);
                if (!an.incomplete.set) {
                    resolution res;
                    resolve_build(&res, &an, ru);
                    for (size_t k = 0; k < an.nblocks; k++)
                        read_block(ru, &res, an.blocks[k], &ps, (unsigned)i, out, &n);
                    resolve_free(&res);
                }
                analysis_free(&an);
            }
            parsed_stmt_free(&ps);
            arena_release_to(m);
        }
        free(stmts);
        dialect_source_free(&src);
    }
    arena_request_end();
    free(text);
    return n;
}

void adv_blocks_free(adv_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(b[i].fact);
        for (size_t k = 0; k < b[i].ndims; k++)
            free(b[i].dims[k].column);
        for (size_t k = 0; k < b[i].nmeasures; k++) {
            free(b[i].measures[k].func);
            free(b[i].measures[k].arg);
        }
        free(b[i].dims);
        free(b[i].measures);
    }
    free(b);
}
