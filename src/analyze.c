/*
 * analyze.c - builds the analysis of one statement (see analyze.h):
 * query blocks, FROM items, CTE scopes and references, and per block its
 * conjuncts, GROUP BY keys, aggregates and output columns.
 *
 * One recursive walk over the statement.  A WITH clause opens a scope:
 * its CTE bodies are analysed first (a recursive CTE sees itself), then
 * the query; an unqualified table name that matches a CTE in scope is a
 * reference to it, not a catalog table.  Set operations contribute one
 * block per branch.  Subqueries inside expressions are found by walking
 * the expression trees of each block.  The per-block facts (keys,
 * aggregates, ...) are collected by block_facts() once the block's FROM
 * is known.
 */
#include "analyze.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ast.h"
#include "dialect.h"
#include "sbuf.h"

typedef struct scope {
    an_cte **ctes;
    size_t n;
} scope;

typedef struct builder {
    analysis *an;
    const char *catalog, *schema;
    scope env;
} builder;

static char *lower(const char *s)
{
    char *d = xstrdup(s ? s : "");
    for (char *p = d; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return d;
}

static void walk_query(builder *b, json_t *sel, an_item *derived, an_cte *cte,
                       int in_expression, json_t *first_branch, an_setop_step *setop,
                       int depth);

/* Record the first reason the analysis is incomplete. */
static void give_up(builder *b, long long location, const char *fmt, const char *arg)
{
    analysis *an = b->an;
    if (an->incomplete.set)
        return;
    an->incomplete.set = 1;
    an->incomplete.location = location;
    snprintf(an->incomplete.message, sizeof an->incomplete.message, fmt, arg);
}

static long long location_of(json_t *fields)
{
    json_t *l = ast_get(fields, "location");
    return l ? (long long)json_integer_value(l) : -1;
}

static an_cte *find_cte(builder *b, const char *name)
{
    for (size_t i = b->env.n; i-- > 0;)
        if (strcmp(b->env.ctes[i]->name, name) == 0)
            return b->env.ctes[i];
    return NULL;
}

static an_item *new_item(builder *b, an_block *blk, an_item_kind kind, json_t *node,
                         an_join_step *join)
{
    an_item *it = xcalloc(1, sizeof *it);
    it->kind = kind;
    it->node = node;
    it->block = blk;
    it->join = join;
    it->location = location_of(node);
    PUSH(blk->items, blk->nitems, it);
    PUSH(b->an->items, b->an->nitems, it);
    return it;
}

/* it->qualified = lower-case "catalog.schema.rel", the request's
 * defaults standing in for missing parts. */
static void qualify(builder *b, an_item *it, const char *cat, const char *sch, const char *rel)
{
    const char *parts[3] = {cat ? cat : (b->catalog ? b->catalog : ""),
                            sch ? sch : (b->schema ? b->schema : ""), rel};
    it->nparts = cat ? 3 : sch ? 2 : 1;
    size_t len[3], total = 0;
    for (int i = 0; i < 3; i++)
        total += (len[i] = strlen(parts[i])) + 1;
    char *q = xmalloc(total), *p = q;
    for (int i = 0; i < 3; i++) {
        for (size_t k = 0; k < len[i]; k++)
            *p++ = (char)tolower((unsigned char)parts[i][k]);
        *p++ = i < 2 ? '.' : '\0';
    }
    it->qualified = q;
}

const char *analysis_written_name(const an_item *it)
{
    const char *w = it->qualified;
    for (int dots = 0; dots < 3 - it->nparts && w; dots++) {
        w = strchr(w, '.');
        if (w)
            w++;
    }
    return w ? w : it->qualified;
}

int analysis_item_reads_table(const an_item *it)
{
    return it->kind == AN_TABLE && it->qualified && !(it->block->cte && it->block->cte->nrefs == 0);
}

/* FROM IDENTIFIER('catalog.schema.table'): Databricks' way of naming a
 * table through a string, which Spark reads with its SQL lexer
 * (dialect_multipart_name).  Returns 1 if rf is such a call (the item is
 * then made), 0 otherwise. */
static int identifier_clause(builder *b, an_block *blk, json_t *rf, an_join_step *join,
                             const char *aname)
{
    json_t *cf, *af;
    if (json_array_size(ast_get(rf, "functions")) != 1 ||
        !ast_range_function_call(rf, 0, &cf) || !cf)
        return 0;
    const char *fn = an_func_name(cf);
    if (!fn || strcasecmp(fn, "identifier") != 0 ||
        json_array_size(ast_get(cf, "funcname")) != 1)
        return 0;
    json_t *args = ast_get(cf, "args");
    const char *s = NULL;
    if (json_array_size(args) == 1 && ast_unwrap(json_array_get(args, 0), &af, NULL) == AST_A_Const)
        s = json_string_value(ast_get(ast_get(af, "sval"), "sval"));
    char parts[3][256];
    int n = s ? dialect_multipart_name(s, parts) : -1;
    an_item *it = new_item(b, blk, AN_TABLE, rf, join);
    it->via_identifier = 1;
    it->location = location_of(cf);
    if (n < 0) {
        it->kind = AN_FUNCTION;
        it->alias = lower(aname);
        give_up(b, location_of(cf), "%s", s ? "IDENTIFIER(...) names no table sluice can read"
                : "IDENTIFIER(...) with an argument that is not a constant string: sluice "
                  "cannot tell which table it names");
        return 1;
    }
    an_cte *cte = n == 1 ? find_cte(b, parts[0]) : NULL;
    char *rel = lower(parts[n - 1]);
    it->alias = lower(aname ? aname : rel);
    if (cte) {
        it->kind = AN_CTE_REF;
        it->cte = cte;
        PUSH(cte->refs, cte->nrefs, it);
    } else {
        qualify(b, it, n == 3 ? parts[0] : NULL, n >= 2 ? parts[n - 2] : NULL, rel);
    }
    free(rel);
    return 1;
}

static void walk_expr(builder *b, an_block *blk, json_t *v, int depth, int in_aggregate);

static void walk_from(builder *b, an_block *blk, json_t *node, an_join_step *join, int depth)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    json_t *alias = f ? ast_get(f, "alias") : NULL;
    const char *aname = json_string_value(ast_get(alias, "aliasname"));
    if (depth > AN_MAX_DEPTH) {
        give_up(b, location_of(f), "FROM items nested deeper than %s levels", "1024");
        return;
    }
    if (k == AST_JoinExpr) {
        for (int side = 0; side < 2; side++) {
            an_join_step *st = xcalloc(1, sizeof *st);
            *st = (an_join_step){f, side, join};
            PUSH(b->an->steps, b->an->nsteps, st);
            walk_from(b, blk, ast_get(f, side ? "rarg" : "larg"), st, depth + 1);
        }
        walk_expr(b, blk, ast_get(f, "quals"), depth + 1, 0);
    } else if (k == AST_RangeVar) {
        const char *cat = json_string_value(ast_get(f, "catalogname"));
        const char *sch = json_string_value(ast_get(f, "schemaname"));
        char *rel = lower(ast_str(f, "relname"));
        an_cte *cte = !sch && !cat ? find_cte(b, rel) : NULL;
        an_item *it = new_item(b, blk, cte ? AN_CTE_REF : AN_TABLE, f, join);
        it->alias = lower(aname ? aname : rel);
        if (cte) {
            it->cte = cte;
            PUSH(cte->refs, cte->nrefs, it);
        } else {
            qualify(b, it, cat, sch, rel);
        }
        free(rel);
    } else if (k == AST_RangeSubselect) {
        an_item *it = new_item(b, blk, AN_SUBQUERY, f, join);
        it->alias = lower(aname);
        json_t *sub = ast_get(ast_get(f, "subquery"), "SelectStmt");
        if (sub)
            walk_query(b, sub, it, NULL, 0, NULL, NULL, depth + 1);
    } else if (k == AST_RangeFunction) {
        if (!identifier_clause(b, blk, f, join, aname)) {
            an_item *it = new_item(b, blk, AN_FUNCTION, f, join);
            it->alias = lower(aname);
        }
        /* The call itself is a table function (TableFunctionRegistry:
         * range, explode, ...) or the IDENTIFIER clause, not an expression
         * of the block: only its arguments are. */
        json_t *cf;
        for (size_t i = 0; i < json_array_size(ast_get(f, "functions")); i++) {
            json_t *call = ast_range_function_call(f, i, &cf);
            walk_expr(b, blk, cf ? ast_get(cf, "args") : call, depth + 1, 0);
        }
    } else if (k == AST_RangeTableSample) {
        /* The table is still read (and scanned for the sample); time
         * travel (dialect.c, w_temporal) travels as a sampling method. */
        json_t *method = json_array_get(ast_get(f, "method"), 0), *mf;
        const char *m = ast_unwrap(method, &mf, NULL) == AST_String ? ast_str(mf, "sval") : "";
        int historical = strcmp(m, "sluice_version") == 0 ||
                         strcmp(m, "sluice_timestamp") == 0 || strcmp(m, "sluice_at") == 0;
        size_t before = blk->nitems;
        walk_from(b, blk, ast_get(f, "relation"), join, depth + 1);
        for (size_t i = before; i < blk->nitems; i++) {
            if (historical)
                blk->items[i]->historical = 1;
            else
                blk->items[i]->sampled = 1;
        }
        walk_expr(b, blk, ast_get(f, "args"), depth + 1, 0);
    } else {
        /* A FROM item the analysis does not know hides what it reads. */
        give_up(b, location_of(f), "%s", "a FROM item sluice does not know");
    }
}

/* Note what one expression node tells about its block: aggregate calls
 * (not those nested in another aggregate's arguments), window calls,
 * clock and non-deterministic functions.  Returns 1 if the node is an
 * aggregate call. */
static int note_call(an_block *blk, json_t *f, ast_kind k, int in_aggregate)
{
    if (k == AST_SQLValueFunction) {
        blk->time_dependent = 1;
        return 0;
    }
    if (k != AST_FuncCall)
        return 0;
    const char *fn = an_func_name(f);
    unsigned classes = an_function_classes(fn);
    int aggregate = 0;
    if (ast_get(f, "over")) {
        blk->has_window = 1;
        PUSH(blk->windows, blk->nwindows, ast_get(f, "over"));
    } else if (!in_aggregate && (classes & AN_FN_AGGREGATE)) {
        an_aggregate a = {0};
        a.call = f;
        a.name = fn;
        a.distinct = json_is_true(ast_get(f, "agg_distinct"));
        a.star = json_is_true(ast_get(f, "agg_star"));
        a.args = ast_get(f, "args");
        a.filter = ast_get(f, "agg_filter");
        PUSH(blk->aggs, blk->naggs, a);
        aggregate = 1;
    }
    /* An unknown function (an_is_nondeterministic_name): possibly
     * non-deterministic, and never taken for an aggregate or a scalar. */
    if (classes & (AN_FN_NONDETERMINISTIC | AN_FN_UNKNOWN))
        blk->nondeterministic = 1;
    if ((classes & AN_FN_UNKNOWN) && !blk->unknown_function)
        blk->unknown_function = fn ? fn : "?";
    if (classes & AN_FN_CLOCK)
        blk->time_dependent = 1;
    return aggregate;
}

/* One walk over the expressions of a block (blk may be NULL for the
 * body of a data-modifying CTE): the facts of note_call(), and every
 * subquery inside (IN, EXISTS, scalar), which becomes a block of its
 * own and is not entered further here.  Depth: nested expressions, not
 * the lists that hold them (flat_lists), up to AN_MAX_DEPTH; deeper
 * makes the analysis incomplete, recorded when it is met (before the
 * next subquery is walked, whose own reasons would come later). */
typedef struct expr_walk {
    builder *b;
    an_block *blk;
    int in_aggregate;       /* inside an aggregate call's arguments */
} expr_walk;

static void expr_too_deep(builder *b, ast_walker *w)
{
    if (w->too_deep)
        give_up(b, -1, "expressions nested deeper than %s levels", "1024");
}

static ast_walk_rc expr_node(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    expr_walk *ew = w->ctx;
    builder *b = ew->b;
    (void)node;
    if (k == AST_ColumnRef || k == AST_A_Const || k == AST_String)
        return AST_WALK_PRUNE;      /* no expression inside */
    if (k == AST_SelectStmt)
        return AST_WALK_PRUNE;      /* a query of its own */
    if (k == AST_SubLink) {
        ast_walker inner = *w;
        inner.depth = w->depth + 1;
        ast_walk(&inner, ast_get(f, "testexpr"));
        w->too_deep |= inner.too_deep;
        expr_too_deep(b, w);
        json_t *sub = ast_get(ast_get(f, "subselect"), "SelectStmt");
        size_t first = b->an->nblocks;
        if (sub)
            walk_query(b, sub, NULL, NULL, 1, NULL, NULL, w->depth + 1);
        /* A subquery whose plan calls rand() is a non-deterministic
         * expression of this block (filter reach). */
        for (size_t i = first; ew->blk && i < b->an->nblocks; i++)
            if (b->an->blocks[i]->nondeterministic || b->an->blocks[i]->nondeterministic_subquery)
                ew->blk->nondeterministic_subquery = 1;
        return AST_WALK_PRUNE;
    }
    if (!ew->blk || !note_call(ew->blk, f, k, ew->in_aggregate))
        return AST_WALK_CONTINUE;
    /* An aggregate call: its arguments are inside it. */
    expr_walk in = *ew;
    in.in_aggregate = 1;
    ast_walker inner = *w;
    inner.ctx = &in;
    ast_walk_children(&inner, f);
    w->too_deep |= inner.too_deep;
    return AST_WALK_PRUNE;
}

static void walk_expr(builder *b, an_block *blk, json_t *v, int depth, int in_aggregate)
{
    if (depth > AN_MAX_DEPTH) {
        give_up(b, -1, "expressions nested deeper than %s levels", "1024");
        return;
    }
    expr_walk ew = {b, blk, in_aggregate};
    ast_walker w = {.fn = expr_node, .ctx = &ew, .max_depth = AN_MAX_DEPTH, .flat_lists = 1,
                    .depth = depth};
    ast_walk(&w, v);
    expr_too_deep(b, &w);
}

/* ------------------------------------------------------------------ */
/* Per-block facts                                                     */

static json_t *target_expr(json_t *targets, size_t i, json_t **rt_out)
{
    json_t *rf;
    if (ast_unwrap(json_array_get(targets, i), &rf, NULL) != AST_ResTarget)
        return NULL;
    if (rt_out)
        *rt_out = rf;
    return ast_get(rf, "val");
}

/* What a GROUP BY entry means: an ordinal names a select-list entry, a
 * bare name may be a select-list alias. */
static void add_group_key(an_block *blk, json_t *key)
{
    json_t *targets = ast_get(blk->select, "targetList");
    json_t *kf;
    an_group_key g = {key, key, 0};
    ast_kind k = ast_unwrap(key, &kf, NULL);
    if (k == AST_A_Const && ast_get(kf, "ival")) {
        json_int_t ord = json_integer_value(ast_get(ast_get(kf, "ival"), "ival"));
        json_t *e = ord >= 1 && (size_t)ord <= json_array_size(targets)
                  ? target_expr(targets, (size_t)ord - 1, NULL) : NULL;
        if (e)
            g.expr = e;
    } else if (k == AST_ColumnRef && json_array_size(ast_get(kf, "fields")) == 1) {
        const char *name = ast_string_value(json_array_get(ast_get(kf, "fields"), 0));
        size_t i;
        json_t *t, *tf;
        json_array_foreach(targets, i, t) {
            if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
                continue;
            const char *alias = json_string_value(ast_get(tf, "name"));
            json_t *val = ast_get(tf, "val");
            if (name && alias && strcasecmp(alias, name) == 0 &&
                !ast_equal_ignoring_locations(val, key)) {
                g.expr = val;
                g.via_alias = 1;
                break;
            }
        }
    }
    PUSH(blk->group, blk->ngroup, g);
}

static void block_facts(builder *b, an_block *blk)
{
    json_t *sel = blk->select;
    json_t *targets = ast_get(sel, "targetList");
    if (an_conjuncts(ast_get(sel, "whereClause"), &blk->where, &blk->nwhere) < 0 ||
        an_conjuncts(ast_get(sel, "havingClause"), &blk->having, &blk->nhaving) < 0)
        give_up(b, -1, "AND conditions nested deeper than %s levels", "1024");
    size_t i;
    json_t *g, *t;
    json_array_foreach(targets, i, t) {
        json_t *tf, *vf;
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            continue;
        an_output o = {0};
        o.target = tf;
        o.expr = ast_get(tf, "val");
        json_t *ff = tf;
        if (blk->first_branch != targets &&
            ast_unwrap(json_array_get(blk->first_branch, i), &ff, NULL) != AST_ResTarget)
            ff = NULL;
        o.name = ff ? analysis_target_name(ff) : NULL;
        ast_kind ek = ast_unwrap(o.expr, &vf, NULL);
        if (ek == AST_ColumnRef) {
            json_t *fields = ast_get(vf, "fields");
            o.star = ast_unwrap(json_array_get(fields, json_array_size(fields) - 1),
                                NULL, NULL) == AST_A_Star;
        } else if (ek == AST_FuncCall && !ast_get(vf, "over") &&
                   (an_function_classes(an_func_name(vf)) & (AN_FN_GENERATOR | AN_FN_UNKNOWN))) {
            /* A generator, or a function sluice does not know: a Hive
             * UDTF returns several rows per row like explode(). */
            blk->has_generator = 1;
        }
        PUSH(blk->outputs, blk->noutputs, o);
    }
    if (an_is_group_by_all(ast_get(sel, "groupClause"))) {
        /* GROUP BY ALL: the keys are the select items without an
         * aggregate, unless a * hides which they are (then the marker
         * stays the one key, which matches nothing). */
        int star = 0;
        for (i = 0; i < blk->noutputs; i++)
            star |= blk->outputs[i].star;
        for (i = 0; i < blk->noutputs && !star; i++) {
            if (an_has_aggregate(blk->outputs[i].expr))
                continue;
            an_group_key k = {blk->outputs[i].expr, blk->outputs[i].expr, 0};
            PUSH(blk->group, blk->ngroup, k);
        }
        if (!star)
            return;
    }
    json_array_foreach(ast_get(sel, "groupClause"), i, g) {
        if (ast_unwrap(g, NULL, NULL) == AST_GroupingSet)
            blk->grouping_sets = 1;
        else
            add_group_key(blk, g);
    }
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */

static void walk_with(builder *b, json_t *with, int depth)
{
    int recursive = json_is_true(ast_get(with, "recursive"));
    size_t i;
    json_t *c, *cf;
    json_array_foreach(ast_get(with, "ctes"), i, c) {
        if (ast_unwrap(c, &cf, NULL) != AST_CommonTableExpr)
            continue;
        an_cte *ce = xcalloc(1, sizeof *ce);
        ce->name = lower(ast_str(cf, "ctename"));
        ce->location = location_of(cf);
        ce->colnames = ast_get(cf, "aliascolnames");
        json_t *q = ast_get(cf, "ctequery");
        const char *qkind = NULL;
        ast_unwrap(q, NULL, &qkind);
        ce->query = ast_get(q, "SelectStmt");
        if (!ce->query && qkind)
            ce->statement_kind = qkind;
        PUSH(b->an->ctes, b->an->nctes, ce);
        if (recursive)
            PUSH(b->env.ctes, b->env.n, ce);
        if (ce->query) {
            walk_query(b, ce->query, NULL, ce, 0, NULL, NULL, depth + 1);
        } else if (qkind) {
            /* INSERT/UPDATE/DELETE/MERGE ... RETURNING: the statement-kind
             * rule refuses it; its nested queries are still walked so no
             * scan hides there. */
            walk_expr(b, NULL, ast_get(q, qkind), depth + 1, 0);
        }
        if (!recursive)
            PUSH(b->env.ctes, b->env.n, ce);
    }
}

static void walk_query(builder *b, json_t *sel, an_item *derived, an_cte *cte,
                       int in_expression, json_t *first_branch, an_setop_step *setop,
                       int depth)
{
    if (depth > AN_MAX_DEPTH) {
        give_up(b, -1, "queries nested deeper than %s levels", "1024");
        return;
    }
    size_t saved = b->env.n;
    json_t *with = ast_get(sel, "withClause");
    if (with)
        walk_with(b, with, depth);
    const char *op = ast_str(sel, "op");
    if (*op && strcmp(op, "SETOP_NONE") != 0) {
        /* Branches are matched by position to the leftmost branch's names. */
        json_t *leftmost = sel;
        while (ast_get(leftmost, "larg") &&
               strcmp(ast_str(leftmost, "op"), "SETOP_NONE") != 0)
            leftmost = ast_get(leftmost, "larg");
        json_t *fb = first_branch ? first_branch : ast_get(leftmost, "targetList");
        for (int side = 0; side < 2; side++) {
            an_setop_step *st = xcalloc(1, sizeof *st);
            *st = (an_setop_step){sel, side, setop};
            PUSH(b->an->setops, b->an->nsetops, st);
            walk_query(b, ast_get(sel, side ? "rarg" : "larg"), derived, cte, in_expression, fb,
                       st, depth + 1);
        }
    } else {
        an_block *blk = xcalloc(1, sizeof *blk);
        blk->select = sel;
        blk->derived = derived;
        blk->cte = cte;
        blk->in_expression = in_expression;
        blk->first_branch = first_branch ? first_branch : ast_get(sel, "targetList");
        blk->setop = setop;
        blk->depth = depth;
        PUSH(b->an->blocks, b->an->nblocks, blk);
        size_t i;
        json_t *item;
        json_array_foreach(ast_get(sel, "fromClause"), i, item)
            walk_from(b, blk, item, NULL, depth + 1);
        /* Every other clause holds expressions (select list, WHERE,
         * GROUP BY, HAVING, QUALIFY, ORDER / SORT / CLUSTER BY, WINDOW,
         * LIMIT, VALUES, ...): one pass over the SELECT's fields. */
        const char *key;
        json_t *clause;
        json_object_foreach(sel, key, clause)
            if (json_is_array(clause) ? !ast_streq(key, "fromClause")
                                      : json_is_object(clause) && !ast_streq(key, "withClause") &&
                                        !ast_streq(key, "larg") && !ast_streq(key, "rarg"))
                walk_expr(b, blk, clause, depth + 1, 0);
        block_facts(b, blk);
    }
    b->env.n = saved;
}

void analysis_build(analysis *an, json_t *stmt, const char *catalog, const char *schema)
{
    memset(an, 0, sizeof *an);
    builder b = {an, catalog, schema, {NULL, 0}};
    json_t *sel = ast_get(stmt, "SelectStmt");
    if (sel) {
        walk_query(&b, sel, NULL, NULL, 0, NULL, NULL, 0);
        const char *op = ast_str(sel, "op");
        for (size_t i = 0; i < an->nblocks; i++)
            if (an->blocks[i]->select == sel && (!*op || strcmp(op, "SETOP_NONE") == 0))
                an->top = an->blocks[i];
    }
    free(b.env.ctes);
}

void analysis_free(analysis *an)
{
    for (size_t i = 0; i < an->nblocks; i++) {
        an_block *blk = an->blocks[i];
        free(blk->items);
        free(blk->where);
        free(blk->having);
        free(blk->group);
        free(blk->aggs);
        free(blk->outputs);
        free(blk->windows);
        free(blk);
    }
    for (size_t i = 0; i < an->nitems; i++) {
        free(an->items[i]->alias);
        free(an->items[i]->qualified);
        free(an->items[i]);
    }
    for (size_t i = 0; i < an->nctes; i++) {
        free(an->ctes[i]->name);
        free(an->ctes[i]->refs);
        free(an->ctes[i]);
    }
    for (size_t i = 0; i < an->nsteps; i++)
        free(an->steps[i]);
    for (size_t i = 0; i < an->nsetops; i++)
        free(an->setops[i]);
    free(an->setops);
    free(an->blocks);
    free(an->items);
    free(an->ctes);
    free(an->steps);
    memset(an, 0, sizeof *an);
}

const char *analysis_target_name(json_t *rt)
{
    const char *name = json_string_value(ast_get(rt, "name"));
    if (name)
        return name;
    json_t *vf;
    if (ast_unwrap(ast_get(rt, "val"), &vf, NULL) == AST_ColumnRef) {
        json_t *fields = ast_get(vf, "fields");
        return ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    }
    return NULL;
}

typedef struct col_use {
    const char *col;
    int used;
} col_use;

static ast_walk_rc note_col_use(ast_walker *w, json_t *node, ast_kind kind, json_t *f)
{
    col_use *u = w->ctx;
    (void)node;
    if (kind != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *fields = ast_get(f, "fields");
    const char *last = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    if (last && strcasecmp(last, u->col) == 0) {
        u->used = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

const char *analysis_pivot_value_name(json_t *item, char *buf, size_t size)
{
    json_t *rf, *cf;
    if (ast_unwrap(item, &rf, NULL) != AST_ResTarget)
        return NULL;
    const char *name = json_string_value(ast_get(rf, "name"));
    if (name)
        return name;
    if (ast_unwrap(ast_get(rf, "val"), &cf, NULL) != AST_A_Const)
        return NULL;
    json_t *sv = ast_get(cf, "sval"), *iv = ast_get(cf, "ival");
    if (sv)
        return json_string_value(ast_get(sv, "sval"));
    if (iv) {
        snprintf(buf, size, "%lld", (long long)json_integer_value(ast_get(iv, "ival")));
        return buf;
    }
    return NULL;
}

int an_pivot_passes(const an_block *blk, const char *col)
{
    json_t *spec = ast_get(blk->select, "sl_pivot");
    if (!spec)
        return 1;
    int unpivot = strcmp(json_string_value(ast_get(spec, "kind")), "unpivot") == 0;
    /* A column the clause reads is aggregated or unpivoted away. */
    col_use u = {col, 0};
    ast_walker w = {.fn = note_col_use, .ctx = &u, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, ast_get(spec, "values"));
    ast_walk(&w, ast_get(spec, unpivot ? "in" : "for"));
    if (unpivot) {
        /* Its name and value columns are new columns of those names. */
        ast_walk(&w, ast_get(spec, "for"));
        return !u.used;
    }
    if (u.used)
        return 0;
    /* PIVOT names its columns after the IN values, joined with the
     * aggregate's alias when there are several: v, v_alias. */
    size_t i;
    json_t *it;
    char buf[32];
    json_array_foreach(ast_get(spec, "in"), i, it) {
        const char *name = analysis_pivot_value_name(it, buf, sizeof buf);
        size_t n = name ? strlen(name) : 0;
        if (!name || (strncasecmp(col, name, n) == 0 && (col[n] == '\0' || col[n] == '_')))
            return 0;
    }
    json_array_foreach(ast_get(spec, "values"), i, it) {
        json_t *rf;
        const char *name = ast_unwrap(it, &rf, NULL) == AST_ResTarget ?
                           json_string_value(ast_get(rf, "name")) : NULL;
        if (name && strcasecmp(col, name) == 0)
            return 0;
    }
    return 1;
}

static ast_walk_rc note_qualified_ref(ast_walker *w, json_t *node, ast_kind kind, json_t *f)
{
    (void)node;
    if (kind == AST_ColumnRef && json_array_size(ast_get(f, "fields")) > 1) {
        *(int *)w->ctx = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

int an_block_takes_clauses(const an_block *blk)
{
    json_t *spec = ast_get(blk->select, "sl_pivot");
    int found = 0;
    ast_walker w = {.fn = note_qualified_ref, .ctx = &found, .max_depth = AST_WALK_UNLIMITED};
    if (spec)
        ast_walk(&w, spec);
    return !found;
}
