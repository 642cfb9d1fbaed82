/*
 * rules_aggregate.c - the "aggregates" section of a rules document:
 * each pre-computed aggregate table is declared by the SELECT that built
 * it, which sluice parses with its own parser when the rules load.
 *
 * From that SELECT come the aggregate's dimensions (each GROUP BY
 * expression, under its output name), its measures (each SUM, MIN, MAX
 * or COUNT call, under its output name), its own WHERE and its source
 * table.  A query sluice cannot use that way is a rules-file error at the
 * line and column inside the JSON string where the problem is.
 *
 * What a usable definition looks like (anything else is refused here, so
 * the router never has to guess what a stored column means):
 *   - one plain SELECT over one catalog table: no joins, WITH, set
 *     operations, DISTINCT, HAVING, ORDER BY, LIMIT, window functions,
 *     generators, GROUPING SETS or non-deterministic calls;
 *   - or over the source joined to one dimension (read_join below):
 *     source [INNER | LEFT] JOIN dimension ON source.c = dimension.k
 *     [AND ...], the source written first, the dimension declared in
 *     tables[] with its columns and a unique key whose every column the
 *     ON condition equates with a source column, and every column
 *     reference of the query qualified with one of the two names, so
 *     that the router knows which table each stored expression reads
 *     (docs/routing-joins.md);
 *   - every select-list entry is either a GROUP BY expression (a
 *     dimension) or one aggregate call SUM / MIN / MAX / COUNT of one
 *     argument or COUNT(*), without FILTER (a measure); measures need an
 *     alias;
 *   - every GROUP BY expression is in the select list.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "dates.h"
#include "dialect.h"
#include "parse.h"
#include "resolve.h"
#include "rules_load.h"
#include "sbuf.h"

static char *lower_copy(const char *s)
{
    char *d = xstrdup(s);
    for (char *p = d; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

/* The grain of a truncation level (analyze_norm.c reads the unit's
 * spellings); levels finer than an hour are no grain. */
int rules_grain_of_level(int level)
{
    static const int grains[] = {
        [AN_TRUNC_HOUR] = RULES_GRAIN_HOUR, [AN_TRUNC_DAY] = RULES_GRAIN_DAY,
        [AN_TRUNC_WEEK] = RULES_GRAIN_WEEK, [AN_TRUNC_MONTH] = RULES_GRAIN_MONTH,
        [AN_TRUNC_QUARTER] = RULES_GRAIN_QUARTER, [AN_TRUNC_YEAR] = RULES_GRAIN_YEAR};
    return level >= AN_TRUNC_HOUR && level <= AN_TRUNC_YEAR ? grains[level] : RULES_GRAIN_NONE;
}

int rules_grain_of_unit(const char *unit)
{
    return rules_grain_of_level(an_trunc_level(unit));
}

/* The grain of a time dimension: date_trunc('unit', x) or trunc(x,
 * 'unit') by its unit; a plain column that is the source's partition
 * column (or the column it derives from) is a day. */
static int dimension_grain(json_t *expr, const rules_table *source)
{
    json_t *f;
    ast_kind k = ast_unwrap(expr, &f, NULL);
    if (k == AST_ColumnRef && source && source->partitioned) {
        json_t *fields = json_object_get(f, "fields");
        const char *col = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
        if (col && source->column && strcasecmp(col, source->column) == 0)
            return RULES_GRAIN_DAY;
        return RULES_GRAIN_NONE;
    }
    /* date_trunc('MONTH', x), trunc(x, 'MM') */
    int level;
    if (an_trunc_call(expr, &level, NULL) == AN_TRUNC_NONE)
        return RULES_GRAIN_NONE;
    return rules_grain_of_level(level);
}

typedef struct agg_query {
    loader *ld;
    const char *path;           /* "aggregates/N/query" */
    parsed_stmt *ps;
} agg_query;

/* An error at a node of the query (its bridged location mapped back). */
static int fail_at_node(agg_query *q, json_t *fields, const char *message)
{
    json_t *loc = json_object_get(fields, "location");
    size_t off = 0;
    if (loc && json_integer_value(loc) >= 0)
        off = dialect_to_orig(&q->ps->br, (size_t)json_integer_value(loc));
    return ld_fail_in_string(q->ld, q->path, off, "%s", message);
}

static int read_measure(agg_query *q, an_block *blk, const an_output *o, rules_measure *m)
{
    json_t *f;
    if (ast_unwrap(o->expr, &f, NULL) != AST_FuncCall)
        return fail_at_node(q, o->target, "a select-list entry must be a GROUP BY "
                            "expression or one SUM, MIN, MAX or COUNT call");
    const char *fn = an_func_name(f);
    static const char *const allowed[] = {"sum", "min", "max", "count", NULL};
    int ok = 0;
    for (int i = 0; fn && allowed[i]; i++)
        ok |= strcasecmp(fn, allowed[i]) == 0;
    json_t *args = json_object_get(f, "args");
    int star = json_is_true(json_object_get(f, "agg_star"));
    if (!ok || json_object_get(f, "over") || json_object_get(f, "agg_filter") ||
        json_object_get(f, "agg_order") || json_array_size(json_object_get(f, "funcname")) != 1)
        return fail_at_node(q, f, "measures are SUM, MIN, MAX or COUNT calls without "
                            "FILTER or OVER");
    if (star ? (strcasecmp(fn, "count") != 0 || args) : json_array_size(args) != 1)
        return fail_at_node(q, f, "a measure takes one argument (or is COUNT(*))");
    if (!star && an_has_aggregate(json_array_get(args, 0)))
        return fail_at_node(q, f, "aggregates cannot be nested in a measure");
    if (!json_object_get(o->target, "name"))
        return fail_at_node(q, o->target, "give every measure an alias (AS name): the "
                            "name Spark would make up is not a stable column name");
    (void)blk;
    m->name = xstrdup(o->name);
    m->func = lower_copy(fn);
    m->distinct = json_is_true(json_object_get(f, "agg_distinct"));
    /* count(1) counts every row, as count(*) does (analyze_norm.c). */
    m->star = star || an_counts_rows(f);
    m->arg = m->star ? NULL : json_array_get(args, 0);
    return 0;
}

/* The aggregate's columns: the column every column reference reads, by
 * its binding (resolve.h: a struct field's column, t.c's c), once,
 * lower-cased; a reference bound to no column (none in a valid
 * aggregate's query) counts by its last written name.  Parts deeper than
 * AN_MAX_DEPTH are left out. */
typedef struct column_walk {
    rules_aggregate *a;
    const resolution *res;
} column_walk;

static ast_walk_rc collect_column(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    column_walk *cw = w->ctx;
    rules_aggregate *a = cw->a;
    (void)node;
    if (k != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    const rs_binding *b = resolve_lookup(cw->res, f);
    json_t *parts = json_object_get(f, "fields");
    const char *col = b && (b->kind == RS_COLUMN || b->kind == RS_FIELD) ? b->column
                      : ast_string_value(json_array_get(parts, json_array_size(parts) - 1));
    if (!col)
        return AST_WALK_PRUNE;
    for (size_t i = 0; i < a->ncolumns; i++)
        if (strcasecmp(a->columns[i], col) == 0)
            return AST_WALK_PRUNE;
    a->columns = xrealloc(a->columns, (a->ncolumns + 1) * sizeof *a->columns);
    a->columns[a->ncolumns++] = lower_copy(col);
    return AST_WALK_PRUNE;
}

static void collect_columns(rules_aggregate *a, const resolution *res, json_t *v)
{
    column_walk cw = {a, res};
    ast_walker w = {.fn = collect_column, .ctx = &cw, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, v);
}

/* Is every column reference under v qualified with the source's or the
 * dimension's name (two parts)? */
typedef struct qual_walk { const rules_aggregate *a; json_t *bad; } qual_walk;

static ast_walk_rc check_qualified(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    qual_walk *qw = w->ctx;
    (void)node;
    if (k != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *parts = json_object_get(f, "fields");
    const char *q = ast_string_value(json_array_get(parts, 0));
    if (json_array_size(parts) != 2 || !q ||
        (strcasecmp(q, qw->a->fact_alias) != 0 && strcasecmp(q, qw->a->dim_alias) != 0)) {
        qw->bad = f;
        return AST_WALK_ABORT;
    }
    return AST_WALK_PRUNE;
}

/* An aggregate over a join: the FROM is source [INNER | LEFT] JOIN
 * dimension ON ..., with the conditions in the comment at the top.
 * Fills a->dim, the aliases, join_left and join_on, and a->source. */
static int read_join(agg_query *q, rules *r, an_block *blk, rules_aggregate *a)
{
    json_t *from = json_object_get(blk->select, "fromClause"), *jf;
    an_item *fact = blk->items[0], *dim = blk->items[1];
    if (json_array_size(from) != 1 ||
        ast_unwrap(json_array_get(from, 0), &jf, NULL) != AST_JoinExpr ||
        fact->kind != AN_TABLE || dim->kind != AN_TABLE || fact->via_identifier ||
        dim->via_identifier || !fact->join || !dim->join || fact->join->join != jf ||
        dim->join->join != jf || fact->join->side != 0)
        return ld_fail_in_string(q->ld, q->path, 0, "%s", "an aggregate over a join reads "
                                 "the source table joined to one dimension table, the source "
                                 "first");
    const char *type = ast_str(jf, "jointype");
    if (json_object_get(jf, "sl_join") || json_object_get(jf, "isNatural") ||
        json_object_get(jf, "usingClause") || json_object_get(jf, "alias") ||
        !json_object_get(jf, "quals") || !type ||
        (strcmp(type, "JOIN_INNER") != 0 && strcmp(type, "JOIN_LEFT") != 0))
        return fail_at_node(q, jf, "the join of an aggregate is [INNER] JOIN or LEFT JOIN "
                            "with an ON condition");
    const rules_table *t = rules_find_table(r, dim->qualified);
    if (!t || !t->has_columns || t->nunique == 0)
        return fail_at_node(q, jf, "the joined table must be declared in tables[] with its "
                            "columns and a unique key");
    a->source = xstrdup(fact->qualified);
    a->dim = xstrdup(dim->qualified);
    a->fact_alias = lower_copy(fact->alias);
    a->dim_alias = lower_copy(dim->alias);
    a->join_left = strcmp(type, "JOIN_LEFT") == 0;
    a->join_on = json_object_get(jf, "quals");
    if (strcmp(a->fact_alias, a->dim_alias) == 0)
        return fail_at_node(q, jf, "the two tables need different names");
    qual_walk qw = {a, NULL};
    ast_walker w = {.fn = check_qualified, .ctx = &qw, .max_depth = AN_MAX_DEPTH};
    static const char *const clauses[] = {"targetList", "whereClause", "groupClause",
                                          "fromClause", NULL};
    for (int i = 0; clauses[i] && !qw.bad; i++)
        ast_walk(&w, json_object_get(blk->select, clauses[i]));
    if (qw.bad)
        return fail_at_node(q, qw.bad, "in an aggregate over a join, qualify every column "
                            "with its table's name or alias");
    /* The ON condition equates a whole unique key of the dimension with
     * source columns: each source row finds at most one partner. */
    json_t *conj[64];
    size_t n = 0;
    json_t *on = a->join_on, *bf;
    if (ast_unwrap(on, &bf, NULL) == AST_BoolExpr && ast_str(bf, "boolop") &&
        strcmp(ast_str(bf, "boolop"), "AND_EXPR") == 0) {
        json_t *args = json_object_get(bf, "args");
        for (size_t i = 0; i < json_array_size(args) && n < 64; i++)
            conj[n++] = json_array_get(args, i);
    } else {
        conj[n++] = on;
    }
    unsigned char keyed[RULES_KEY_MAX] = {0};
    for (size_t i = 0; i < n; i++) {
        json_t *f, *lf, *rf;
        if (ast_unwrap(conj[i], &f, NULL) != AST_A_Expr || !ast_str(f, "kind") ||
            strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0 ||
            !ast_string_value(json_array_get(json_object_get(f, "name"), 0)) ||
            strcmp(ast_string_value(json_array_get(json_object_get(f, "name"), 0)), "=") != 0 ||
            ast_unwrap(json_object_get(f, "lexpr"), &lf, NULL) != AST_ColumnRef ||
            ast_unwrap(json_object_get(f, "rexpr"), &rf, NULL) != AST_ColumnRef)
            continue;
        json_t *lp = json_object_get(lf, "fields"), *rp = json_object_get(rf, "fields");
        const char *lq = ast_string_value(json_array_get(lp, 0));
        const char *rq = ast_string_value(json_array_get(rp, 0));
        const char *dcol = NULL;
        if (lq && rq && strcasecmp(lq, a->fact_alias) == 0 && strcasecmp(rq, a->dim_alias) == 0)
            dcol = ast_string_value(json_array_get(rp, 1));
        else if (lq && rq && strcasecmp(rq, a->fact_alias) == 0 &&
                 strcasecmp(lq, a->dim_alias) == 0)
            dcol = ast_string_value(json_array_get(lp, 1));
        rules_key_mark(t, dcol, keyed);
    }
    if (rules_key_covered(t, keyed))
        return 0;
    return fail_at_node(q, jf, "the ON condition must equate every column of a declared "
                        "unique key of the joined table with a source column (source.c = "
                        "dimension.k)");
}

/* Parse and check one aggregate's query; fills a's structure. */
static int compile_query(loader *ld, const char *path, const char *sql, rules *r,
                         rules_aggregate *a)
{
    size_t len = strlen(sql);
    dialect_source src;
    dialect_error err;
    if (dialect_lex(&src, sql, len, &err) < 0)
        return ld_fail_in_string(ld, path, err.offset, "%s", err.message);
    dialect_stmt *st;
    size_t n = dialect_statements(&src, &st);
    int rc = -1;
    parsed_stmt ps;
    memset(&ps, 0, sizeof ps);
    analysis an;
    memset(&an, 0, sizeof an);
    agg_query q = {ld, path, &ps};
    if (n != 1) {
        ld_fail_in_string(ld, path, n ? st[1].start : 0, "%s",
                          n ? "must be one SELECT statement" : "is empty");
        goto out;
    }
    if (parse_stmt(&src, &st[0], &ps, &err) < 0) {
        ld_fail_in_string(ld, path, err.offset, "%s", err.message);
        goto out;
    }
    json_t *sel = json_object_get(ps.node, "SelectStmt");
    const char *op = sel ? ast_str(sel, "op") : "";
    if (!sel || (*op && strcmp(op, "SETOP_NONE") != 0) || json_object_get(sel, "valuesLists")) {
        ld_fail_in_string(ld, path, 0, "%s", "must be a plain SELECT ... FROM ... GROUP BY");
        goto out;
    }
    static const struct { const char *field, *what; } refused[] = {
        {"withClause", "WITH"}, {"distinctClause", "DISTINCT"}, {"havingClause", "HAVING"},
        {"sortClause", "ORDER BY"}, {"limitCount", "LIMIT"}, {"limitOffset", "OFFSET"},
        {"sl_qualify", "QUALIFY"}, {"windowClause", "WINDOW"}, {"intoClause", "INTO"}};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        if (json_object_get(sel, refused[i].field)) {
            ld_fail_in_string(ld, path, 0, "%s in an aggregate's query is not supported: sluice "
                              "could not tell what its rows stand for", refused[i].what);
            goto out;
        }
    analysis_build(&an, ps.node, r->default_catalog, r->default_schema);
    an_block *blk = an.top;
    if (blk && an.nblocks == 1 && blk->nitems == 2) {
        if (read_join(&q, r, blk, a) < 0)
            goto out;
    } else if (!blk || an.nblocks != 1 || blk->nitems != 1 || blk->items[0]->kind != AN_TABLE ||
               blk->items[0]->via_identifier) {
        ld_fail_in_string(ld, path, 0, "%s", "must read exactly one table (no joins, "
                          "subqueries or table functions)");
        goto out;
    }
    if (blk->grouping_sets || blk->has_window || blk->has_generator || blk->nondeterministic ||
        blk->time_dependent) {
        ld_fail_in_string(ld, path, 0, "%s", "GROUPING SETS, window functions, generators "
                          "and non-deterministic or clock functions are not supported");
        goto out;
    }
    const rules_table *source = rules_find_table(r, blk->items[0]->qualified);
    if (!a->source)
        a->source = xstrdup(blk->items[0]->qualified);
    for (size_t i = 0; i < blk->noutputs; i++) {
        const an_output *o = &blk->outputs[i];
        if (o->star) {
            fail_at_node(&q, o->target, "* is not a dimension or a measure");
            goto out;
        }
        int is_key = 0;
        for (size_t k = 0; k < blk->ngroup && !is_key; k++)
            is_key = ast_equal_ignoring_locations(blk->group[k].expr, o->expr);
        if (is_key) {
            if (!o->name) {
                fail_at_node(&q, o->target, "give this dimension an alias (AS name)");
                goto out;
            }
            a->dims = xrealloc(a->dims, (a->ndims + 1) * sizeof *a->dims);
            a->dims[a->ndims++] = (rules_dimension){xstrdup(o->name), o->expr,
                                                    dimension_grain(o->expr, source)};
        } else {
            rules_measure m = {0};
            if (read_measure(&q, blk, o, &m) < 0)
                goto out;
            a->measures = xrealloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
            a->measures[a->nmeasures++] = m;
        }
    }
    for (size_t k = 0; k < blk->ngroup; k++) {
        int listed = 0;
        for (size_t i = 0; i < a->ndims && !listed; i++)
            listed = ast_equal_ignoring_locations(a->dims[i].expr, blk->group[k].expr);
        if (!listed) {
            json_t *kf;
            ast_unwrap(blk->group[k].written, &kf, NULL);
            fail_at_node(&q, kf, "every GROUP BY expression must be in the select list, "
                         "or the table's rows cannot be told apart");
            goto out;
        }
    }
    if (a->nmeasures == 0) {
        ld_fail_in_string(ld, path, 0, "%s", "declares no measure");
        goto out;
    }
    /* Names are compared case-insensitively, as Spark does. */
    for (size_t i = 0; i < a->ndims + a->nmeasures; i++)
        for (size_t j = i + 1; j < a->ndims + a->nmeasures; j++) {
            const char *x = i < a->ndims ? a->dims[i].name : a->measures[i - a->ndims].name;
            const char *y = j < a->ndims ? a->dims[j].name : a->measures[j - a->ndims].name;
            if (strcasecmp(x, y) == 0) {
                ld_fail_in_string(ld, path, 0, "two columns are named '%s'", y);
                goto out;
            }
        }
    for (size_t i = 0; i < blk->nwhere; i++) {
        a->where = xrealloc(a->where, (a->nwhere + 1) * sizeof *a->where);
        a->where[a->nwhere++] = blk->where[i];
    }
    /* Default time dimension: the one built from the partition column. */
    a->time_dim = -1;
    for (size_t i = 0; i < a->ndims && a->time_dim < 0; i++)
        if (a->dims[i].grain != RULES_GRAIN_NONE)
            a->time_dim = (int)i;
    resolution res;
    resolve_build(&res, &an, r);
    for (size_t i = 0; i < a->ndims; i++)
        collect_columns(a, &res, a->dims[i].expr);
    for (size_t i = 0; i < a->nmeasures; i++)
        collect_columns(a, &res, a->measures[i].arg);
    for (size_t i = 0; i < a->nwhere; i++)      /* the query repeats these */
        collect_columns(a, &res, a->where[i]);
    resolve_free(&res);
    a->statement = json_incref(ps.node);
    rc = 0;
out:
    analysis_free(&an);
    parsed_stmt_free(&ps);
    free(st);
    dialect_source_free(&src);
    return rc;
}

static int load_aggregate(loader *ld, json_t *obj, const char *path, rules *r, rules_aggregate *a)
{
    static const char *const keys[] = {"table", "description", "query", "fresh_through",
                                       "time_dimension", "time_zone", "enforce", "stale", NULL};
    a->time_dim = -1;
    if (!json_is_object(obj))
        return ld_fail_at(ld, path, "must be an object");
    if (ld_check_keys(ld, obj, path, keys) < 0 ||
        ld_get_string(ld, obj, path, "table", &a->table_written) < 0 ||
        ld_get_string(ld, obj, path, "description", &a->description) < 0 ||
        ld_get_string(ld, obj, path, "time_zone", &a->time_zone) < 0)
        return -1;
    if (a->time_zone && !a->time_zone[0])
        return ld_fail_at(ld, path, "\"time_zone\" must not be empty");
    if (!a->time_zone)
        a->time_zone = xstrdup("UTC");      /* the default */
    if (!a->table_written)
        return ld_fail_at(ld, path, "needs \"table\"");
    int dots = 0;
    for (const char *p = a->table_written; *p; p++)
        dots += *p == '.';
    char *tp = ld_path_join(path, "table");
    int rc = dots == 2 ? 0 : ld_fail_at(ld, tp, "must be catalog.schema.table");
    free(tp);
    if (rc < 0)
        return -1;
    a->table = lower_copy(a->table_written);
    json_t *query = json_object_get(obj, "query");
    char *qp = ld_path_join(path, "query");
    if (!query || !json_is_string(query)) {
        rc = ld_fail_at(ld, query ? qp : path, query ? "must be a string (the SELECT that "
                        "built the table)" : "needs \"query\"");
        free(qp);
        return rc;
    }
    rc = compile_query(ld, qp, json_string_value(query), r, a);
    free(qp);
    if (rc < 0)
        return -1;
    json_t *fresh = json_object_get(obj, "fresh_through");
    if (fresh) {
        char *fp = ld_path_join(path, "fresh_through");
        long days, secs;
        if (!json_is_string(fresh) || dates_parse(json_string_value(fresh), &days, &secs) < 0 ||
            secs != 0) {
            rc = ld_fail_at(ld, fp, "must be a date \"YYYY-MM-DD\"");
        } else {
            a->has_fresh = 1;
            a->fresh_through = days;
        }
        free(fp);
        if (rc < 0)
            return -1;
    }
    json_t *td = json_object_get(obj, "time_dimension");
    if (td) {
        char *tdp = ld_path_join(path, "time_dimension");
        const char *name = json_string_value(td);
        a->time_dim = -1;
        for (size_t i = 0; name && i < a->ndims; i++)
            if (strcasecmp(a->dims[i].name, name) == 0)
                a->time_dim = (int)i;
        if (a->time_dim < 0)
            rc = ld_fail_at(ld, tdp, "must name a dimension of the aggregate's query");
        else if (a->dims[a->time_dim].grain == RULES_GRAIN_NONE)
            a->dims[a->time_dim].grain = RULES_GRAIN_DAY;
        free(tdp);
        if (rc < 0)
            return -1;
    }
    if (a->has_fresh && a->time_dim < 0)
        return ld_fail_at(ld, path, "\"fresh_through\" needs a time dimension: name it in "
                          "\"time_dimension\"");
    json_t *stale = json_object_get(obj, "stale");
    if (stale) {
        /* "refuse" (the default) or "union" (rewrite/aggregate_union.c). */
        const char *w = json_string_value(stale);
        char *sp = ld_path_join(path, "stale");
        if (w && strcmp(w, "union") == 0 && a->time_dim >= 0)
            a->stale_union = 1;
        else if (w && strcmp(w, "union") == 0)
            rc = ld_fail_at(ld, sp, "needs a time dimension: name it in \"time_dimension\"");
        else if (!w || strcmp(w, "refuse") != 0)
            rc = ld_fail_at(ld, sp, "must be \"refuse\" or \"union\"");
        free(sp);
        if (rc < 0)
            return -1;
    }
    a->enforce = RULES_ENFORCE_REWRITE;
    return ld_get_mode(ld, obj, path, RULE_AGGREGATE_ROUTING, &a->enforce);
}

static long long aggregate_rows(const rules *r, const rules_aggregate *a)
{
    const rules_table *t = rules_find_table(r, a->table);
    return t && t->rows >= 0 ? t->rows : LLONG_MAX;
}

/* Is aggregate i preferred to aggregate j? */
static int preferred(const rules *r, size_t i, size_t j)
{
    const rules_aggregate *a = &r->aggregates[i], *b = &r->aggregates[j];
    long long ra = aggregate_rows(r, a), rb = aggregate_rows(r, b);
    if (ra != rb)
        return ra < rb;
    if (a->ndims != b->ndims)
        return a->ndims < b->ndims;
    return i < j;
}

int rules_load_aggregates(loader *ld, json_t *v, rules *r)
{
    if (!json_is_array(v))
        return ld_fail_at(ld, "aggregates", "must be an array");
    r->naggregates = json_array_size(v);
    r->aggregates = xcalloc(r->naggregates ? r->naggregates : 1, sizeof *r->aggregates);
    for (size_t i = 0; i < r->naggregates; i++) {
        char p[40];
        snprintf(p, sizeof p, "aggregates/%zu", i);
        if (load_aggregate(ld, json_array_get(v, i), p, r, &r->aggregates[i]) < 0)
            return -1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->aggregates[j].table, r->aggregates[i].table) == 0) {
                char tp[48];
                snprintf(tp, sizeof tp, "%s/table", p);
                return ld_fail_at(ld, tp, "is declared twice");
            }
    }
    /* The order in which the router tries them (an insertion sort: the
     * list is short, and the comparison needs the rules). */
    r->aggregate_order = xcalloc(r->naggregates ? r->naggregates : 1, sizeof *r->aggregate_order);
    for (size_t i = 0; i < r->naggregates; i++) {
        size_t k = i;
        while (k > 0 && preferred(r, i, r->aggregate_order[k - 1])) {
            r->aggregate_order[k] = r->aggregate_order[k - 1];
            k--;
        }
        r->aggregate_order[k] = i;
    }
    return 0;
}

void rules_aggregates_free(rules *r)
{
    for (size_t i = 0; i < r->naggregates; i++) {
        rules_aggregate *a = &r->aggregates[i];
        for (size_t k = 0; k < a->ndims; k++)
            free(a->dims[k].name);
        for (size_t k = 0; k < a->nmeasures; k++) {
            free(a->measures[k].name);
            free(a->measures[k].func);
        }
        for (size_t k = 0; k < a->ncolumns; k++)
            free(a->columns[k]);
        free(a->columns);
        free(a->dims);
        free(a->measures);
        free(a->where);
        free(a->table);
        free(a->table_written);
        free(a->description);
        free(a->time_zone);
        free(a->source);
        free(a->dim);
        free(a->fact_alias);
        free(a->dim_alias);
        json_decref(a->statement);
    }
    free(r->aggregates);
    free(r->aggregate_order);
    r->aggregate_order = NULL;
    r->aggregates = NULL;
    r->naggregates = 0;
}
