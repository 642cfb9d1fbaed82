/*
 * resolve.c - name resolution (see resolve.h): binds every column
 * reference of an analysed statement to what it reads, and knows which
 * columns each FROM item and each query block outputs.
 *
 * The model is SQLite's lookupName(): a reference is looked up in the
 * scope of its own block first, then outwards through the blocks that
 * enclose it; the first scope that has the name decides.  The rules of
 * each step are Spark's, cited where they are followed:
 *   - Analyzer.ResolveReferences and ColumnResolutionHelper
 *     (resolveExpressionByPlanChildren, then resolveLateralColumnAlias,
 *     then resolveOuterRef): a block's own FROM columns first, then a
 *     lateral column alias, then the outer query;
 *   - package.scala, AttributeSeq.resolve: a dotted name is matched as
 *     qualifier + column first (three, two, then one qualifier parts),
 *     then as a column with struct fields; two matches are ambiguous;
 *   - ResolveNaturalAndUsingJoin: a USING / NATURAL join outputs each
 *     join column once (the left side's, the right's for RIGHT JOIN),
 *     then the rest of the left side, then the rest of the right side;
 *   - ResolveLambdaVariables: inside a lambda its variables come before
 *     any column.
 *
 * What sluice cannot know it does not guess.  A catalog table whose
 * columns the rules do not declare "may own" any name: a name one such
 * item may own, with no other candidate, is bound to it (the query only
 * runs if the table has the column); two candidates make the reference
 * AMBIGUOUS, and so does a choice between such a column and a select-list
 * alias where Spark's preference depends on whether the column exists.
 *
 * One pass over the blocks in the analysis' order (a block before the
 * subqueries in its expressions, so each block's enclosing scope is known
 * when it is reached); FROM item columns and block outputs are computed
 * on demand and kept.
 */
#include "resolve.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ast.h"
#include "sbuf.h"

/* ------------------------------------------------------------------ */
/* A pointer map (open addressing), for nodes -> indices               */

typedef struct ptrmap {
    const void **keys;
    size_t *vals;
    size_t cap, n;
} ptrmap;

static size_t ptr_hash(const void *p, size_t cap)
{
    unsigned long long h = (unsigned long long)(size_t)p;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h & (cap - 1);
}

static void ptrmap_put(ptrmap *m, const void *k, size_t v);

static void ptrmap_grow(ptrmap *m)
{
    ptrmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i])
            ptrmap_put(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
}

/* Sets k -> v (the first value set for k stays). */
static void ptrmap_put(ptrmap *m, const void *k, size_t v)
{
    if ((m->n + 1) * 2 > m->cap)
        ptrmap_grow(m);
    size_t i = ptr_hash(k, m->cap);
    while (m->keys[i]) {
        if (m->keys[i] == k)
            return;
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = k;
    m->vals[i] = v;
    m->n++;
}

static int ptrmap_get(const ptrmap *m, const void *k, size_t *v)
{
    if (!m->cap || !k)
        return 0;
    size_t i = ptr_hash(k, m->cap);
    while (m->keys[i]) {
        if (m->keys[i] == k) {
            *v = m->vals[i];
            return 1;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return 0;
}

/* Size m for about n keys (no growth below that). */
static void ptrmap_init(ptrmap *m, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    m->cap = cap;
    m->n = 0;
    m->keys = xcalloc(cap, sizeof *m->keys);
    m->vals = xmalloc(cap * sizeof *m->vals);
}

static void ptrmap_free(ptrmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------ */
/* State                                                               */

/* Which FROM items of a block a scope sees. */
typedef enum { SEE_ALL, SEE_NONE, SEE_BEFORE, SEE_JOIN } see_mode;

typedef struct scope_view {
    see_mode mode;
    size_t before;          /* SEE_BEFORE: items of index < before */
    json_t *join;           /* SEE_JOIN: items under this JoinExpr (its ON) */
} scope_view;

typedef struct item_info {
    size_t index;           /* in its block's items */
    int seen_by_block;      /* item_seen() for SEE_ALL ... */
    int seen_known;         /* ... once computed */
    rs_columns cols;
    int state;              /* 0 not computed, 1 being computed, 2 done */
} item_info;

typedef struct alias_entry {
    const char *name;       /* the AS name */
    size_t index;           /* in the select list */
    json_t *target;         /* ResTarget fields */
} alias_entry;

typedef struct block_info {
    alias_entry *aliases;   /* the select list's aliases, once listed */
    size_t naliases;
    int aliases_listed;
    an_block *parent;       /* the next scope out, NULL for none */
    scope_view parent_view; /* what of the parent's FROM it sees */
    rs_columns outs;
    int state;              /* as item_info */
} block_info;

struct rs_private {
    ptrmap items;           /* an_item* -> index in an->items */
    ptrmap nodes;           /* an_item->node -> index in an->items */
    ptrmap blocks;          /* an_block* and an_block->select -> index in an->blocks */
    ptrmap refs;            /* ColumnRef fields -> index in bindings */
    item_info *ii;
    block_info *bi;
    size_t nitems, nblocks; /* sizes of ii and bi */
    char **strs;            /* strings the bindings and columns point to */
    size_t nstrs;
    struct amb_rec *ambs;   /* the ambiguities between a query's own FROM items */
    size_t nambs;
    ptrmap amb_refs;        /* ColumnRef fields -> index in ambs */
};

static const char *keep(resolution *res, char *s)
{
    PUSH(res->priv->strs, res->priv->nstrs, s);
    return s;
}

static const char *keepf(resolution *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static const char *keepf(resolution *res, const char *fmt, ...)
{
    sbuf b = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    sbuf_cstr(&b);
    return keep(res, sbuf_detach(&b));
}

static item_info *info_of_item(const resolution *res, const an_item *it)
{
    size_t i;
    return ptrmap_get(&res->priv->items, it, &i) ? &res->priv->ii[i] : NULL;
}

static block_info *info_of_block(const resolution *res, const an_block *b)
{
    size_t i;
    return ptrmap_get(&res->priv->blocks, b, &i) ? &res->priv->bi[i] : NULL;
}

static an_block *block_of_select(const resolution *res, json_t *select)
{
    size_t i;
    return ptrmap_get(&res->priv->blocks, select, &i) ? res->an->blocks[i] : NULL;
}

static an_item *item_of_node(const resolution *res, json_t *node)
{
    size_t i;
    return ptrmap_get(&res->priv->nodes, node, &i) ? res->an->items[i] : NULL;
}

static void col_push(rs_columns *c, rs_column col)
{
    PUSH(c->v, c->n, col);
}

static int is_star(json_t *colref_fields)
{
    json_t *fields = ast_get(colref_fields, "fields");
    return ast_unwrap(json_array_get(fields, json_array_size(fields) - 1), NULL, NULL) == AST_A_Star;
}

/* The name parts of a ColumnRef (all strings), or -1 when one is not
 * (a *).  At most cap parts are stored. */
static int name_parts(json_t *colref_fields, const char **parts, int cap)
{
    json_t *fields = ast_get(colref_fields, "fields");
    size_t n = json_array_size(fields);
    if (n == 0 || n > (size_t)cap)
        return -1;
    for (size_t i = 0; i < n; i++) {
        parts[i] = ast_string_value(json_array_get(fields, i));
        if (!parts[i])
            return -1;
    }
    return (int)n;
}

static int is_semi_or_anti(json_t *join)
{
    const char *k = json_string_value(ast_get(join, "sl_join"));
    return k && (strcmp(k, "semi") == 0 || strcmp(k, "anti") == 0);
}

/* Does view v of it's block see it?  The right side of a LEFT SEMI /
 * LEFT ANTI join outputs nothing (Spark's Join.output is the left
 * side's): a view outside that join does not see its items, the ON of a
 * join inside it (or its own ON) does.  The whole block's answer is kept
 * per item (a block of many joins asks it for every reference). */
static int item_seen_walk(const an_item *it, scope_view v)
{
    for (const an_join_step *st = it->join; st; st = st->up) {
        if (v.mode == SEE_JOIN && st->join == v.join)
            return 1;
        if (st->side == 1 && is_semi_or_anti(st->join))
            return 0;
    }
    return v.mode != SEE_JOIN;
}

static int item_seen(const resolution *res, const an_item *it, scope_view v)
{
    if (v.mode == SEE_NONE)
        return 0;
    item_info *ii = info_of_item(res, it);
    if (!ii)
        return 0;
    if (!ii->seen_known) {
        ii->seen_by_block = item_seen_walk(it, (scope_view){SEE_ALL, 0, NULL});
        ii->seen_known = 1;
    }
    if (v.mode == SEE_BEFORE && ii->index >= v.before)
        return 0;
    return v.mode == SEE_JOIN ? item_seen_walk(it, v) : ii->seen_by_block;
}

/* ------------------------------------------------------------------ */
/* Columns of FROM items and outputs of blocks                         */

static const rs_columns *item_columns(resolution *res, an_item *it);
static const rs_columns *block_outputs(resolution *res, an_block *blk);

/* Rename cols by an alias column list (AS x (a, b)): Spark requires as
 * many names as columns, so the list is then complete. */
static void rename_by(resolution *res, rs_columns *cols, json_t *colnames)
{
    (void)res;
    size_t n = json_array_size(colnames);
    if (!n)
        return;
    rs_column *v = xcalloc(n, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[i].name = ast_string_value(json_array_get(colnames, i));
        v[i].position = i;
        v[i].from_position = RS_NO_POSITION;
        if (i < cols->n && cols->v[i].position == i) {
            v[i].type = cols->v[i].type;
            v[i].expr = cols->v[i].expr;
            v[i].from_item = cols->v[i].from_item;
            v[i].from_position = cols->v[i].from_position;
        }
    }
    free(cols->v);
    cols->v = v;
    cols->n = n;
    cols->complete = 1;
}

static void copy_columns(rs_columns *dst, const rs_columns *src)
{
    dst->n = src->n;
    dst->complete = src->complete;
    dst->v = src->n ? xmalloc(src->n * sizeof *dst->v) : NULL;
    if (src->n)
        memcpy(dst->v, src->v, src->n * sizeof *dst->v);
}

/* The leftmost branch block of a derived table's or CTE's body. */
static an_block *first_body(const resolution *res, const an_item *it)
{
    for (size_t i = 0; i < res->an->nblocks; i++) {
        an_block *b = res->an->blocks[i];
        if ((it->kind == AN_SUBQUERY && b->derived == it) ||
            (it->kind == AN_CTE_REF && it->cte && b->cte == it->cte))
            return b;
    }
    return NULL;
}

/* Table functions whose columns are fixed (TableFunctionRegistry):
 * range() outputs one column, id. */
static const struct { const char *fn; const char *cols[3]; } function_columns[] = {
    {"range", {"id", NULL, NULL}},
};

static void function_item_columns(an_item *it, rs_columns *c)
{
    json_t *colnames = ast_get(ast_get(it->node, "alias"), "colnames");
    if (json_array_size(colnames)) {
        rename_by(NULL, c, colnames);
        return;
    }
    json_t *cf;
    if (it->via_identifier || !ast_range_function_call(it->node, 0, &cf) || !cf)
        return;
    const char *fn = an_func_name(cf);
    for (size_t i = 0; fn && i < sizeof function_columns / sizeof *function_columns; i++) {
        if (strcasecmp(fn, function_columns[i].fn) != 0)
            continue;
        for (size_t k = 0; k < 3 && function_columns[i].cols[k]; k++)
            col_push(c, (rs_column){function_columns[i].cols[k], k, NULL, NULL, NULL,
                                    RS_NO_POSITION});
        c->complete = 1;
    }
}

static const rs_columns *item_columns(resolution *res, an_item *it)
{
    static const rs_columns unknown = {NULL, 0, 0};
    item_info *ii = info_of_item(res, it);
    if (!ii)
        return &unknown;
    if (ii->state == 2)
        return &ii->cols;
    if (ii->state == 1)
        return &unknown;        /* a recursive CTE reading itself */
    ii->state = 1;
    rs_columns c = {NULL, 0, 0};
    json_t *colnames = ast_get(ast_get(it->node, "alias"), "colnames");
    if (it->kind == AN_TABLE) {
        const rules_table *t = res->rules && it->qualified ?
                               rules_find_table(res->rules, it->qualified) : NULL;
        if (t && t->has_columns) {
            for (size_t i = 0; i < t->ncolumns; i++)
                col_push(&c, (rs_column){t->columns[i].name, i, t->columns[i].type, NULL, NULL,
                                         RS_NO_POSITION});
            c.complete = 1;
        }
        rename_by(res, &c, colnames);
    } else if (it->kind == AN_FUNCTION) {
        function_item_columns(it, &c);
    } else {
        an_block *body = first_body(res, it);
        if (body)
            copy_columns(&c, block_outputs(res, body));
        if (it->kind == AN_CTE_REF && it->cte)
            rename_by(res, &c, it->cte->colnames);
        rename_by(res, &c, colnames);
    }
    ii->cols = c;
    ii->state = 2;
    return &ii->cols;
}

static int name_in(const char *name, json_t *string_list)
{
    size_t i;
    json_t *s;
    json_array_foreach(string_list, i, s)
        if (ast_string_value(s) && strcasecmp(ast_string_value(s), name) == 0)
            return 1;
    return 0;
}

static int cols_find(const rs_columns *c, const char *name, size_t *at)
{
    int n = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].name && strcasecmp(c->v[i].name, name) == 0) {
            if (!n)
                *at = i;
            n++;
        }
    return n;
}

/* Append a column to an expansion; once a part of unknown length came
 * before it, its position is not known. */
static void expand_push(rs_columns *out, const rs_column *src, an_item *from, int *gap)
{
    rs_column c = *src;
    c.position = *gap ? RS_NO_POSITION : out->n;
    if (from) {
        c.from_item = from;
        c.from_position = src->position;
        c.expr = NULL;
    }
    col_push(out, c);
}

/* The columns the FROM subtree node outputs, as SELECT * expands them
 * (ResolveNaturalAndUsingJoin for USING / NATURAL joins).  Sets
 * out->complete = 0 when a part is not known. */
static void expand_from(resolution *res, an_block *blk, json_t *node, rs_columns *out, int *gap)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    if (k == AST_RangeTableSample) {
        expand_from(res, blk, ast_get(f, "relation"), out, gap);
        return;
    }
    if (k != AST_JoinExpr) {
        an_item *it = item_of_node(res, f);
        if (!it) {
            out->complete = 0;
            *gap = 1;
            return;
        }
        const rs_columns *c = item_columns(res, it);
        for (size_t i = 0; i < c->n; i++)
            expand_push(out, &c->v[i], it, gap);
        if (!c->complete) {
            out->complete = 0;
            *gap = 1;
        }
        return;
    }
    rs_columns l = {NULL, 0, 1}, r = {NULL, 0, 1};
    int lgap = 0, rgap = 0;
    expand_from(res, blk, ast_get(f, "larg"), &l, &lgap);
    int semi = is_semi_or_anti(f);
    if (!semi)
        expand_from(res, blk, ast_get(f, "rarg"), &r, &rgap);
    json_t *using = ast_get(f, "usingClause");
    int natural = json_is_true(ast_get(f, "isNatural"));
    int right = strcmp(ast_str(f, "jointype"), "JOIN_RIGHT") == 0;
    /* The join columns: USING's list, or for NATURAL the names both
     * sides have (knowable only when both are complete). */
    const char **joined = NULL;
    size_t nj = 0;
    if (!semi && json_array_size(using)) {
        size_t i;
        json_t *s;
        json_array_foreach(using, i, s)
            if (ast_string_value(s))
                PUSH(joined, nj, ast_string_value(s));
    } else if (!semi && natural) {
        if (!l.complete || !r.complete) {
            out->complete = 0;
            *gap = 1;
        } else {
            size_t at;
            for (size_t i = 0; i < l.n; i++)
                if (l.v[i].name && cols_find(&r, l.v[i].name, &at))
                    PUSH(joined, nj, l.v[i].name);
        }
    }
    for (size_t j = 0; j < nj; j++) {
        const rs_columns *side = right ? &r : &l;
        size_t at;
        if (cols_find(side, joined[j], &at)) {
            expand_push(out, &side->v[at], NULL, gap);
        } else {
            rs_column c = {joined[j], 0, NULL, NULL, NULL, RS_NO_POSITION};
            expand_push(out, &c, NULL, gap);
        }
    }
    for (int s = 0; s < (semi ? 1 : 2); s++) {
        rs_columns *side = s ? &r : &l;
        for (size_t i = 0; i < side->n; i++) {
            int is_joined = 0;
            for (size_t j = 0; j < nj && side->v[i].name; j++)
                is_joined |= strcasecmp(side->v[i].name, joined[j]) == 0;
            if (side->v[i].position == RS_NO_POSITION)
                *gap = 1;
            if (!is_joined)
                expand_push(out, &side->v[i], NULL, gap);
        }
        if (!side->complete) {
            out->complete = 0;
            *gap = 1;
        }
    }
    (void)lgap;
    (void)rgap;
    free(joined);
    free(l.v);
    free(r.v);
}

/* Does the qualifier parts[0..k) name item it?  An aliased item answers
 * to its alias alone; a catalog table without one to the last k parts of
 * catalog.schema.table (Spark's qualifier of a relation is its full name;
 * AttributeSeq.resolve matches a suffix of it). */
static int qualifier_matches(const an_item *it, const char *const *parts, int k)
{
    const char *aname = json_string_value(ast_get(ast_get(it->node, "alias"), "aliasname"));
    if (it->kind != AN_TABLE || aname) {
        return k == 1 && it->alias && strcasecmp(parts[0], it->alias) == 0 &&
               strcmp(it->alias, "sluice:anonymous") != 0;
    }
    if (!it->qualified)
        return 0;
    /* The last k dot-separated parts of qualified. */
    const char *q = it->qualified;
    const char *start[3];
    int n = 0;
    start[n++] = q;
    for (const char *p = q; *p && n < 3; p++)
        if (*p == '.')
            start[n++] = p + 1;
    if (n != 3 || k > 3)
        return 0;
    for (int i = 0; i < k; i++) {
        const char *s = start[3 - k + i];
        const char *e = strchr(s, '.');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (strlen(parts[i]) != len || strncasecmp(parts[i], s, len) != 0)
            return 0;
    }
    return 1;
}

static void except_filter(resolution *res, an_block *blk, json_t *except, rs_columns *c)
{
    (void)res;
    (void)blk;
    size_t i, w = 0;
    json_t *e, *ef;
    for (size_t k = 0; k < c->n; k++) {
        int drop = 0;
        json_array_foreach(except, i, e) {
            const char *parts[8];
            int n = ast_unwrap(e, &ef, NULL) == AST_ColumnRef ? name_parts(ef, parts, 8) : -1;
            if (n >= 1 && c->v[k].name && strcasecmp(parts[n - 1], c->v[k].name) == 0 &&
                (n == 1 || !c->v[k].from_item ||
                 qualifier_matches(c->v[k].from_item, parts, n - 1)))
                drop = 1;
        }
        if (!drop)
            c->v[w++] = c->v[k];
    }
    c->n = w;
}

/* The name Spark gives a PIVOT IN value (analysis_pivot_value_name),
 * kept with the resolution. */
static const char *pivot_value_name(resolution *res, json_t *item)
{
    char buf[32];
    const char *v = analysis_pivot_value_name(item, buf, sizeof buf);
    return v == buf ? keepf(res, "%s", buf) : v;
}

typedef struct name_set {
    const char **v;
    size_t n;
} name_set;

static ast_walk_rc collect_ref_name(ast_walker *w, json_t *node, ast_kind kind, json_t *f)
{
    (void)node;
    name_set *s = w->ctx;
    if (kind != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *fields = ast_get(f, "fields");
    const char *last = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    if (last)
        PUSH(s->v, s->n, last);
    return AST_WALK_PRUNE;
}

/* The last name part of every column reference in tree, into s. */
static void collect_ref_names(json_t *tree, name_set *s)
{
    ast_walker w = {0};
    w.fn = collect_ref_name;
    w.ctx = s;
    ast_walk(&w, tree);
}

static int set_has(const name_set *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcasecmp(s->v[i], name) == 0)
            return 1;
    return 0;
}

/* The output of a block carrying PIVOT / UNPIVOT (parse.c's sl_pivot):
 * PIVOT outputs the source columns the clause does not use (its
 * grouping columns), then one column per IN value and aggregate
 * ("v", or "v_alias" with several aggregates); UNPIVOT outputs the
 * source columns not unpivoted, then its name column(s), then its value
 * column(s) (Spark's Unpivot.output). */
static void pivot_outputs(resolution *res, an_block *blk, json_t *spec, rs_columns *out)
{
    rs_columns src = {NULL, 0, 1};
    int gap = 0;
    size_t i;
    json_t *from, *it;
    json_array_foreach(ast_get(blk->select, "fromClause"), i, from)
        expand_from(res, blk, from, &src, &gap);
    int unpivot = strcmp(ast_str(spec, "kind"), "unpivot") == 0;
    name_set used = {NULL, 0};
    collect_ref_names(ast_get(spec, unpivot ? "in" : "values"), &used);
    if (!unpivot)
        collect_ref_names(ast_get(spec, "for"), &used);
    out->complete = src.complete;
    gap = 0;
    for (size_t k = 0; k < src.n; k++)
        if (src.v[k].name && !set_has(&used, src.v[k].name))
            expand_push(out, &src.v[k], NULL, &gap);
    if (!src.complete)
        gap = 1;
    if (unpivot) {
        name_set names = {NULL, 0};
        collect_ref_names(ast_get(spec, "for"), &names);
        collect_ref_names(ast_get(spec, "values"), &names);
        for (size_t k = 0; k < names.n; k++) {
            rs_column c = {names.v[k], 0, NULL, NULL, NULL, RS_NO_POSITION};
            expand_push(out, &c, NULL, &gap);
        }
        free(names.v);
    } else {
        json_t *values = ast_get(spec, "values");
        size_t nagg = json_array_size(values);
        json_array_foreach(ast_get(spec, "in"), i, it) {
            const char *v = pivot_value_name(res, it);
            size_t a;
            json_t *agg, *af;
            json_array_foreach(values, a, agg) {
                const char *alias = ast_unwrap(agg, &af, NULL) == AST_ResTarget ?
                                    json_string_value(ast_get(af, "name")) : NULL;
                rs_column c = {NULL, 0, NULL, af ? ast_get(af, "val") : NULL, NULL,
                               RS_NO_POSITION};
                if (v && nagg == 1)
                    c.name = v;
                else if (v && alias)
                    c.name = keepf(res, "%s_%s", v, alias);
                expand_push(out, &c, NULL, &gap);
            }
        }
    }
    free(used.v);
    free(src.v);
}

static const rs_columns *block_outputs(resolution *res, an_block *blk)
{
    static const rs_columns unknown = {NULL, 0, 0};
    block_info *bi = info_of_block(res, blk);
    if (!bi)
        return &unknown;
    if (bi->state == 2)
        return &bi->outs;
    if (bi->state == 1)
        return &unknown;
    bi->state = 1;
    rs_columns out = {NULL, 0, 1};
    json_t *sel = blk->select;
    json_t *spec = ast_get(sel, "sl_pivot");
    json_t *values = ast_get(sel, "valuesLists");
    if (spec) {
        pivot_outputs(res, blk, spec, &out);
    } else if (values && !ast_get(sel, "targetList")) {
        /* VALUES rows: Spark names the columns col1, col2, ...
         * (ResolveInlineTables / LocalRelation of an inline table). */
        json_t *lf;
        json_t *row = json_array_get(values, 0);
        json_t *items = ast_unwrap(row, &lf, NULL) == AST_List ? ast_get(lf, "items") : NULL;
        for (size_t i = 0; i < json_array_size(items); i++)
            col_push(&out, (rs_column){keepf(res, "col%zu", i + 1), i, NULL,
                                       json_array_get(items, i), NULL, RS_NO_POSITION});
    } else {
        int gap = 0;
        size_t i;
        json_t *t, *tf, *vf;
        json_array_foreach(ast_get(sel, "targetList"), i, t) {
            if (ast_unwrap(t, &tf, NULL) != AST_ResTarget) {
                out.complete = 0;
                gap = 1;
                continue;
            }
            json_t *val = ast_get(tf, "val");
            if (ast_unwrap(val, &vf, NULL) == AST_ColumnRef && is_star(vf)) {
                rs_columns part = {NULL, 0, 1};
                int pgap = 0;
                const char *parts[8];
                int n = json_array_size(ast_get(vf, "fields")) > 1 ?
                        (int)json_array_size(ast_get(vf, "fields")) - 1 : 0;
                if (n == 0) {
                    size_t k;
                    json_t *from;
                    json_array_foreach(ast_get(sel, "fromClause"), k, from)
                        expand_from(res, blk, from, &part, &pgap);
                } else {
                    /* q.*: the columns of the item q names. */
                    json_t *fields = ast_get(vf, "fields");
                    int ok = n <= 3;
                    for (int k = 0; ok && k < n; k++)
                        ok = (parts[k] = ast_string_value(json_array_get(fields, (size_t)k))) != NULL;
                    an_item *owner = NULL;
                    for (size_t k = 0; ok && k < blk->nitems; k++)
                        if (qualifier_matches(blk->items[k], parts, n))
                            owner = blk->items[k];
                    if (owner) {
                        const rs_columns *c = item_columns(res, owner);
                        for (size_t k = 0; k < c->n; k++)
                            expand_push(&part, &c->v[k], owner, &pgap);
                        part.complete = c->complete;
                    } else {
                        part.complete = 0;
                    }
                }
                json_t *except = ast_get(tf, "sl_except");
                if (except)
                    except_filter(res, blk, except, &part);
                for (size_t k = 0; k < part.n; k++) {
                    part.v[k].position = RS_NO_POSITION;
                    expand_push(&out, &part.v[k], NULL, &gap);
                }
                /* The positions inside part were relative to it. */
                if (!part.complete) {
                    out.complete = 0;
                    gap = 1;
                }
                free(part.v);
                continue;
            }
            rs_column c = {analysis_target_name(tf), 0, NULL, val, NULL, RS_NO_POSITION};
            expand_push(&out, &c, NULL, &gap);
        }
    }
    /* A set operation's branch: its columns take the leftmost branch's
     * names, by position (Union.output is the first child's). */
    if (blk->first_branch && blk->first_branch != ast_get(sel, "targetList")) {
        an_block *first = NULL;
        for (size_t i = 0; i < res->an->nblocks && !first; i++)
            if (ast_get(res->an->blocks[i]->select, "targetList") == blk->first_branch)
                first = res->an->blocks[i];
        const rs_columns *fo = first && first != blk ? block_outputs(res, first) : NULL;
        for (size_t i = 0; i < out.n; i++) {
            size_t p = out.v[i].position;
            out.v[i].name = fo && p != RS_NO_POSITION && p < fo->n && fo->v[p].position == p
                            ? fo->v[p].name : NULL;
        }
    }
    bi->outs = out;
    bi->state = 2;
    return &bi->outs;
}

/* ------------------------------------------------------------------ */
/* Candidates: which FROM items of a block may own a name              */

#define RS_MAX_CANDS 16

typedef struct cand {
    an_item *item;
    an_item *merged;        /* a USING / NATURAL join column: the other side */
    size_t pos;             /* position in the item's columns, or RS_NO_POSITION */
    const char *name;       /* the column as the item spells it, or NULL */
    int certain;            /* the item has the column (not: may have it) */
    int dup;                /* the item has two columns of that name */
} cand;

typedef struct cands {
    cand v[RS_MAX_CANDS];
    size_t n;
    int overflow;
} cands;

/* An ambiguity between FROM items of the reference's own query, kept
 * for resolve_candidates() and resolve_given(): the candidates, the
 * name they were looked up by, and the select-list aliases beside them. */
typedef struct amb_rec {
    cands c;
    const char *name;       /* the column part as written */
    int fields;             /* parts after it (a struct field path) */
    int nalias;             /* select-list aliases of the name the clause sees */
    rs_clause clause;
} amb_rec;

static void cand_add(cands *c, cand x)
{
    if (c->n < RS_MAX_CANDS)
        c->v[c->n++] = x;
    else
        c->overflow = 1;
}

/* Does item it have column name?  Adds it as a candidate when it does
 * or, its columns not all known, may. */
static void item_cand(resolution *res, an_item *it, const char *name, cands *out)
{
    const rs_columns *cols = item_columns(res, it);
    size_t at = 0;
    int n = cols_find(cols, name, &at);
    if (n)
        cand_add(out, (cand){it, NULL, cols->v[at].position, cols->v[at].name, 1, n > 1});
    else if (!cols->complete)
        cand_add(out, (cand){it, NULL, RS_NO_POSITION, NULL, 0, 0});
}

/* The candidates for an unqualified name in the FROM subtree node, as
 * view sees it.  A USING column, or a NATURAL join column (both sides
 * surely have the name), is one candidate however many sides have it
 * (ResolveNaturalAndUsingJoin: the join outputs it once). */
static void collect(resolution *res, json_t *node, const char *name, scope_view v, cands *out,
                    int hidden)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    if (k == AST_RangeTableSample) {
        collect(res, ast_get(f, "relation"), name, v, out, hidden);
        return;
    }
    if (k != AST_JoinExpr) {
        /* hidden: under the right side of a LEFT SEMI / ANTI join the
         * view is outside of (item_seen(), told here by the descent). */
        an_item *it = item_of_node(res, f);
        item_info *ii = it ? info_of_item(res, it) : NULL;
        if (ii && !hidden && (v.mode != SEE_BEFORE || ii->index < v.before))
            item_cand(res, it, name, out);
        return;
    }
    cands l = {.n = 0}, r = {.n = 0};
    int in_on = v.mode == SEE_JOIN && v.join == f;
    collect(res, ast_get(f, "larg"), name, v, &l, hidden);
    collect(res, ast_get(f, "rarg"), name, v, &r, hidden || (!in_on && is_semi_or_anti(f)));
    int merge = !in_on && !is_semi_or_anti(f) && l.n == 1 && r.n == 1 && !l.overflow &&
                !r.overflow &&
                (name_in(name, ast_get(f, "usingClause")) ||
                 (json_is_true(ast_get(f, "isNatural")) && l.v[0].certain && r.v[0].certain));
    if (merge) {
        int right = strcmp(ast_str(f, "jointype"), "JOIN_RIGHT") == 0;
        cand c = right ? r.v[0] : l.v[0];
        c.merged = (right ? l.v[0] : r.v[0]).item;
        c.certain = 1;
        cand_add(out, c);
        return;
    }
    for (size_t i = 0; i < l.n; i++)
        cand_add(out, l.v[i]);
    for (size_t i = 0; i < r.n; i++)
        cand_add(out, r.v[i]);
    out->overflow |= l.overflow | r.overflow;
}

/* The candidates for parts[0..n) in blk as view sees it.  Spark's
 * AttributeSeq.resolve: first as qualifier + column (+ fields), with
 * three, two, then one qualifier parts; then as a column (+ fields).
 * Returns how many parts the qualifier took (0: none). */
static int lookup_in_block(resolution *res, an_block *blk, scope_view view,
                           const char *const *parts, int n, cands *out)
{
    for (int k = n - 1 < 3 ? n - 1 : 3; k >= 1; k--) {
        for (size_t i = 0; i < blk->nitems; i++) {
            an_item *it = blk->items[i];
            if (qualifier_matches(it, parts, k) && item_seen(res, it, view))
                item_cand(res, it, parts[k], out);
        }
        if (out->n)
            return k;
    }
    if (view.mode == SEE_JOIN) {
        json_t *jf = view.join;
        collect(res, ast_get(jf, "larg"), parts[0], view, out, 0);
        collect(res, ast_get(jf, "rarg"), parts[0], view, out, 0);
    } else if (view.mode != SEE_NONE) {
        size_t i;
        json_t *from;
        json_array_foreach(ast_get(blk->select, "fromClause"), i, from)
            collect(res, from, parts[0], view, out, 0);
    }
    return 0;
}

/* "t or u" for a reason. */
static const char *cand_names(resolution *res, const cands *c)
{
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < c->n; i++) {
        if (i)
            sbuf_puts(&b, i + 1 == c->n ? " or " : ", ");
        sbuf_puts(&b, c->v[i].item->alias ? c->v[i].item->alias : "a subquery");
        if (!c->v[i].certain)
            sbuf_puts(&b, " (columns not declared)");
    }
    if (c->overflow)
        sbuf_puts(&b, " and more");
    sbuf_cstr(&b);
    return keep(res, sbuf_detach(&b));
}

/* ------------------------------------------------------------------ */
/* The walk over a block's expressions                                 */

typedef struct lambda_var {
    const char *name;
    json_t *lambda;
} lambda_var;

typedef struct walk_ctx {
    resolution *res;
    an_block *blk;
    rs_clause clause;
    scope_view view;        /* what of blk's FROM the expression sees */
    size_t select_index;    /* RS_IN_SELECT: the select item's index */
    int in_agg, in_window;
    lambda_var *lambdas;
    size_t nlambdas;
} walk_ctx;

static const char *dotted(resolution *res, const char *const *parts, int from, int n)
{
    if (from >= n)
        return NULL;
    sbuf b = SBUF_INIT;
    for (int i = from; i < n; i++) {
        if (i > from)
            sbuf_putc(&b, '.');
        sbuf_puts(&b, parts[i]);
    }
    sbuf_cstr(&b);
    return keep(res, sbuf_detach(&b));
}

static rs_binding *add_binding(resolution *res, rs_binding b)
{
    size_t idx;
    if (ptrmap_get(&res->priv->refs, b.ref, &idx))
        return &res->bindings[idx];
    PUSH(res->bindings, res->nbindings, b);
    ptrmap_put(&res->priv->refs, b.ref, res->nbindings - 1);
    if (b.kind == RS_UNRESOLVED)
        res->nunresolved++;
    if (b.kind == RS_AMBIGUOUS)
        res->nambiguous++;
    return &res->bindings[res->nbindings - 1];
}

static an_output *output_of(an_block *blk, json_t *target_fields)
{
    for (size_t i = 0; i < blk->noutputs; i++)
        if (blk->outputs[i].target == target_fields)
            return &blk->outputs[i];
    return NULL;
}

/* Is the select item's expression a plain reference to a column named
 * name (a AS a, t.a AS a)?  Then the alias and the column are one. */
static int aliases_same_column(json_t *val, const char *name)
{
    json_t *vf;
    if (ast_unwrap(val, &vf, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(vf, "fields");
    const char *last = ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    return last && strcasecmp(last, name) == 0;
}

/* Order of a block's alias list: by name (any case), then by select-list
 * index, so the aliases of one name are a run, the first one leftmost. */
static int alias_order(const void *pa, const void *pb)
{
    const alias_entry *a = pa, *b = pb;
    int c = strcasecmp(a->name, b->name);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The select-list aliases (explicit AS names) of blk named name among
 * items [0, upto), their count, the first in *idx / *tf_out.  The list
 * is sorted once per block and searched by bisection: a select list of
 * tens of thousands of aliases, each referring to columns, would
 * otherwise cost a scan per reference. */
static int find_alias(resolution *res, an_block *blk, const char *name, size_t upto, size_t *idx,
                      json_t **tf_out)
{
    block_info *bi = info_of_block(res, blk);
    if (!bi)
        return 0;
    if (!bi->aliases_listed) {
        size_t i;
        json_t *t, *tf;
        json_array_foreach(ast_get(blk->select, "targetList"), i, t) {
            if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
                continue;
            const char *a = json_string_value(ast_get(tf, "name"));
            if (a)
                PUSH(bi->aliases, bi->naliases, ((alias_entry){a, i, tf}));
        }
        if (bi->naliases > 1)
            xqsort(bi->aliases, bi->naliases, sizeof *bi->aliases, alias_order);
        bi->aliases_listed = 1;
    }
    size_t lo = 0, hi = bi->naliases;
    while (lo < hi) {       /* the first entry not before name */
        size_t mid = lo + (hi - lo) / 2;
        if (strcasecmp(bi->aliases[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int n = 0;
    for (size_t i = lo; i < bi->naliases && strcasecmp(bi->aliases[i].name, name) == 0 &&
                        bi->aliases[i].index < upto; i++) {
        if (!n) {
            *idx = bi->aliases[i].index;
            *tf_out = bi->aliases[i].target;
        }
        n++;
    }
    return n;
}

/* Fill b from a single candidate found with a qualifier of k parts. */
static void bind_cand(resolution *res, rs_binding *b, const cand *c, const char *const *parts,
                      int n, int k, rs_kind kind)
{
    b->kind = kind;
    b->item = c->item;
    b->merged = c->merged;
    b->column = c->name ? c->name : parts[k];
    b->position = c->pos;
    b->field = dotted(res, parts, k + 1, n);
    if (kind == RS_COLUMN && k == 0 && b->field)
        b->kind = RS_FIELD;
}

/* Try the scopes outside blk, innermost first: the enclosing query of a
 * subquery, the earlier FROM items of a LATERAL one (Spark's
 * resolveOuterRef; SQLite's lookupName walks its NameContext chain the
 * same way).  Returns 1 when a scope decided (bound or ambiguous). */
static int bind_outer(resolution *res, rs_binding *b, an_block *blk, const char *const *parts,
                      int n)
{
    int level = 0;
    for (;;) {
        block_info *bi = info_of_block(res, blk);
        if (!bi || !bi->parent)
            return 0;
        scope_view v = bi->parent_view;
        blk = bi->parent;
        level++;
        if (v.mode == SEE_NONE)
            continue;
        cands c = {.n = 0};
        int k = lookup_in_block(res, blk, v, parts, n, &c);
        if (c.n == 0)
            continue;
        if (c.n > 1 || c.overflow || c.v[0].dup) {
            b->kind = RS_AMBIGUOUS;
            b->why = c.n > 1 ? keepf(res, "%s could be a column of %s (an enclosing query)",
                                     parts[n - 1], cand_names(res, &c))
                             : keepf(res, "%s has more than one column named %s",
                                     c.v[0].item->alias, parts[k]);
            return 1;
        }
        bind_cand(res, b, &c.v[0], parts, n, k, RS_OUTER);
        b->level = level;
        return 1;
    }
}

static void bind_ref(walk_ctx *w, json_t *ref);

static int same_source(const an_item *x, const an_item *item);

/* Would the scopes outside blk bind (or find ambiguous) the name parts,
 * to something else than a column of the same table or CTE as inner
 * (which has the name if that has it; were the two one table, the inner
 * would have it first)? */
static int outer_would_bind(resolution *res, an_block *blk, const char *const *parts, int n,
                            const an_item *inner)
{
    rs_binding trial = {0};
    if (!bind_outer(res, &trial, blk, parts, n))
        return 0;
    return !(trial.kind == RS_OUTER && !trial.field && same_source(trial.item, inner));
}

/* ORDER BY (and SORT / DISTRIBUTE / CLUSTER BY) over a block: Spark's
 * Sort resolves against the select list's output first
 * (resolveExpressionByPlanOutput on the Project), then adds missing
 * FROM columns (resolveExprsAndAddMissingAttrs).  Returns 1 when the
 * output decided. */
static int bind_order_output(walk_ctx *w, rs_binding *b, const char *name)
{
    resolution *res = w->res;
    an_block *blk = w->blk;
    size_t i, nmatch = 0, first = 0;
    json_t *t, *tf, *ftf = NULL, *vf;
    int star = 0, differ = 0;
    json_array_foreach(ast_get(blk->select, "targetList"), i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            continue;
        json_t *val = ast_get(tf, "val");
        if (ast_unwrap(val, &vf, NULL) == AST_ColumnRef && is_star(vf)) {
            star = 1;
            continue;
        }
        const char *on = analysis_target_name(tf);
        if (!on || strcasecmp(on, name) != 0)
            continue;
        if (nmatch && !ast_equal_ignoring_locations(val, ast_get(ftf, "val")))
            differ = 1;
        if (!nmatch) {
            first = i;
            ftf = tf;
        }
        nmatch++;
    }
    if (!nmatch)
        return 0;
    if (differ) {
        b->kind = RS_AMBIGUOUS;
        b->why = keepf(res, "%s names more than one select-list entry", name);
        return 1;
    }
    json_t *val = ast_get(ftf, "val");
    if (star) {
        /* A * beside it may bring in a column of that name too. */
        const rs_columns *o = block_outputs(res, blk);
        size_t at;
        int in_star = 0;
        for (size_t k = 0; k < o->n; k++)
            if (o->v[k].expr == NULL && o->v[k].name && strcasecmp(o->v[k].name, name) == 0)
                in_star = 1;
        if (in_star || !o->complete) {
            (void)at;
            b->kind = RS_AMBIGUOUS;
            b->why = keepf(res, "%s names a select-list entry, and the * beside it %s a "
                           "column of that name", name, in_star ? "brings" : "may bring");
            return 1;
        }
    }
    if (ast_unwrap(val, &vf, NULL) == AST_ColumnRef && aliases_same_column(val, name)) {
        /* The output is a column: ORDER BY names that column. */
        walk_ctx inner = *w;
        inner.clause = RS_IN_SELECT;
        inner.select_index = first;
        json_t *saved_ref = b->ref;
        const rs_binding *src = NULL;
        size_t idx;
        if (!ptrmap_get(&res->priv->refs, vf, &idx))
            bind_ref(&inner, vf);
        if (ptrmap_get(&res->priv->refs, vf, &idx))
            src = &res->bindings[idx];
        if (!src)
            return 0;
        rs_clause clause = b->clause;
        *b = *src;
        b->ref = saved_ref;
        b->clause = clause;
        b->block = blk;
        return 1;
    }
    b->kind = RS_ALIAS;
    b->output = output_of(blk, ftf);
    b->column = json_string_value(ast_get(ftf, "name"));
    if (!b->column)
        b->column = analysis_target_name(ftf);
    b->position = first;
    return 1;
}

/* Has the block already read column name of cand's item (bound to it
 * as its only possible owner)?  Then, if the query runs at all, the item
 * has that column, though its columns are not declared:
 *   SELECT date_trunc('day', ts) AS ts ... GROUP BY ts
 * groups by the column ts (Spark prefers it to the alias). */
static int evident_column(const resolution *res, const an_block *blk, const cand *c,
                          const char *name)
{
    for (size_t i = 0; i < res->nbindings; i++) {
        const rs_binding *b = &res->bindings[i];
        if (b->block == blk && (b->kind == RS_COLUMN || b->kind == RS_FIELD) &&
            b->item == c->item && b->column && strcasecmp(b->column, name) == 0)
            return 1;
    }
    return 0;
}

/* Bind one ColumnRef of w->blk (see resolve.h for the order). */
static void bind_ref(walk_ctx *w, json_t *ref)
{
    resolution *res = w->res;
    const char *parts[16];
    int n = name_parts(ref, parts, 16);
    if (n < 0)
        return;                 /* *, t.* */
    if (n == 1 && strcmp(parts[0], "sluice:all") == 0)
        return;                 /* GROUP BY ALL (dialect.c) */
    rs_binding b = {0};
    b.ref = ref;
    b.block = w->blk;
    b.clause = w->clause;
    b.position = RS_NO_POSITION;

    /* A lambda's variables come before any column (ResolveLambdaVariables). */
    for (size_t i = w->nlambdas; i-- > 0;) {
        if (strcasecmp(w->lambdas[i].name, parts[0]) == 0) {
            b.kind = RS_LAMBDA;
            b.column = w->lambdas[i].name;
            b.lambda = w->lambdas[i].lambda;
            b.field = dotted(res, parts, 1, n);
            add_binding(res, b);
            return;
        }
    }
    if (w->clause == RS_IN_ORDER && n == 1 && bind_order_output(w, &b, parts[0])) {
        add_binding(res, b);
        return;
    }

    cands c = {.n = 0};
    int k = lookup_in_block(res, w->blk, w->view, parts, n, &c);

    /* The select-list alias the clause may also mean (n == 1 only: an
     * alias has no qualifier).  SELECT: an earlier item's alias, not
     * inside an aggregate or a window (resolveLateralColumnAlias,
     * ResolveLateralColumnAliasReference); GROUP BY: any alias, when no
     * FROM column has the name (spark.sql.groupByAliases); HAVING: FROM
     * columns first, then the aggregate's output (SPARK-31519); QUALIFY
     * as HAVING. */
    size_t aidx = 0;
    json_t *atf = NULL;
    int nalias = 0;
    if (n >= 1 && k == 0) {
        if (w->clause == RS_IN_SELECT)
            nalias = find_alias(res, w->blk, parts[0], w->select_index, &aidx, &atf);
        else if (w->clause == RS_IN_GROUP || w->clause == RS_IN_HAVING ||
                 w->clause == RS_IN_QUALIFY)
            nalias = find_alias(res, w->blk, parts[0], (size_t)-1, &aidx, &atf);
        if (nalias && aliases_same_column(ast_get(atf, "val"), parts[0]) && nalias == 1)
            nalias = c.n ? 0 : nalias;
    }

    if (c.n == 1 && !c.v[0].certain && nalias && evident_column(res, w->blk, &c.v[0], parts[0]))
        c.v[0].certain = 1;
    int own_ambiguity = 0;      /* between this query's FROM items (and an alias) */
    if (c.n > 1 || c.overflow || (c.n == 1 && c.v[0].dup)) {
        own_ambiguity = !c.overflow;
        b.kind = RS_AMBIGUOUS;
        b.why = c.n > 1 ? keepf(res, "%s could be a column of %s", parts[k], cand_names(res, &c))
                        : keepf(res, "%s has more than one column named %s",
                                c.v[0].item->alias ? c.v[0].item->alias : "a subquery", parts[k]);
    } else if (c.n == 1 && nalias &&
               (!c.v[0].certain || w->clause == RS_IN_HAVING || w->clause == RS_IN_QUALIFY)) {
        b.kind = RS_AMBIGUOUS;
        own_ambiguity = 1;
        b.why = !c.v[0].certain
                ? keepf(res, "%s could be a column of %s or the select-list alias %s", parts[0],
                        cand_names(res, &c), parts[0])
                : keepf(res, "%s is both a column of %s and a select-list alias; in %s Spark's "
                        "choice depends on the grouping", parts[0], cand_names(res, &c),
                        w->clause == RS_IN_HAVING ? "HAVING" : "QUALIFY");
    } else if (c.n == 1 && !c.v[0].certain && k == 0 && outer_would_bind(res, w->blk, parts, n, c.v[0].item)) {
        /* A name the one FROM item may own, its columns not declared,
         * that an enclosing query could also answer: Spark takes the
         * item's column if it has one, else goes out (resolveOuterRef).
         * b in EXISTS (SELECT 1 FROM u WHERE c = b) is u's b or the outer
         * t's b; s.f where no FROM item is named s is field f of the
         * item's column s or column f of the enclosing query's s.  Which,
         * sluice cannot know. */
        b.kind = RS_AMBIGUOUS;
        own_ambiguity = 1;
        b.why = n == 1 ? keepf(res, "%s could be a column of %s or of an enclosing query",
                               parts[0], cand_names(res, &c))
                       : keepf(res, "%s could be field %s of a column %s of %s "
                               "or a column of an enclosing query", dotted(res, parts, 0, n),
                               dotted(res, parts, 1, n), parts[0], cand_names(res, &c));
    } else if (c.n == 1) {
        bind_cand(res, &b, &c.v[0], parts, n, k, RS_COLUMN);
    } else if (nalias > 1) {
        b.kind = RS_AMBIGUOUS;
        b.why = keepf(res, "%d select-list aliases are named %s", nalias, parts[0]);
    } else if (nalias == 1 && w->clause == RS_IN_SELECT && (w->in_agg || w->in_window)) {
        b.kind = RS_UNRESOLVED;
        b.why = keepf(res, "%s names a lateral column alias inside %s, which Spark does not "
                      "allow", parts[0], w->in_agg ? "an aggregate function" : "a window");
    } else if (nalias == 1) {
        b.kind = RS_ALIAS;
        b.output = output_of(w->blk, atf);
        b.column = json_string_value(ast_get(atf, "name"));
        b.position = aidx;
        b.field = dotted(res, parts, 1, n);
    } else if (w->clause == RS_IN_EXCEPT || !bind_outer(res, &b, w->blk, parts, n)) {
        b.kind = RS_UNRESOLVED;
        b.why = keepf(res, "no FROM item%s has a column %s", w->clause == RS_IN_EXCEPT ? ""
                      : ", select-list alias or enclosing query", dotted(res, parts, 0, n));
    }
    size_t before = res->nbindings;
    add_binding(res, b);
    if (own_ambiguity && res->nbindings > before) {
        rs_private *p = res->priv;
        PUSH(p->ambs, p->nambs, ((amb_rec){c, parts[k], n - k - 1, nalias, w->clause}));
        ptrmap_put(&p->amb_refs, ref, p->nambs - 1);
    }
}

static void walk(walk_ctx *w, json_t *v, int depth);

/* The blocks of a subquery in an expression see w's scope next. */
static void adopt(walk_ctx *w, json_t *sel, int depth)
{
    if (!sel || depth > AN_MAX_DEPTH)
        return;
    const char *op = ast_str(sel, "op");
    if (*op && strcmp(op, "SETOP_NONE") != 0) {
        adopt(w, ast_get(ast_get(sel, "larg"), "SelectStmt") ? ast_get(ast_get(sel, "larg"), "SelectStmt")
                                                             : ast_get(sel, "larg"), depth + 1);
        adopt(w, ast_get(ast_get(sel, "rarg"), "SelectStmt") ? ast_get(ast_get(sel, "rarg"), "SelectStmt")
                                                             : ast_get(sel, "rarg"), depth + 1);
        return;
    }
    an_block *b = block_of_select(w->res, sel);
    block_info *bi = b ? info_of_block(w->res, b) : NULL;
    if (bi && !bi->parent) {
        bi->parent = w->blk;
        bi->parent_view = w->view;
    }
}

/* x -> body, (x, y) -> body: the variables are declared (bound as
 * RS_LAMBDA themselves) and seen by the body. */
static void walk_lambda(walk_ctx *w, json_t *f, int depth)
{
    json_t *params = ast_get(f, "lexpr"), *pf;
    size_t saved = w->nlambdas;
    json_t *list = NULL;
    ast_kind pk = ast_unwrap(params, &pf, NULL);
    if (pk == AST_ColumnRef)
        list = NULL;
    else if (pk == AST_RowExpr)
        list = ast_get(pf, "args");
    size_t np = pk == AST_ColumnRef ? 1 : json_array_size(list);
    for (size_t i = 0; i < np; i++) {
        json_t *p = pk == AST_ColumnRef ? params : json_array_get(list, i), *cf;
        const char *parts[2];
        if (ast_unwrap(p, &cf, NULL) != AST_ColumnRef || name_parts(cf, parts, 1) != 1) {
            walk(w, p, depth + 1);
            continue;
        }
        lambda_var lv = {parts[0], f};
        PUSH(w->lambdas, w->nlambdas, lv);
        rs_binding b = {0};
        b.ref = cf;
        b.block = w->blk;
        b.clause = w->clause;
        b.kind = RS_LAMBDA;
        b.column = parts[0];
        b.lambda = f;
        b.position = RS_NO_POSITION;
        add_binding(w->res, b);
    }
    walk(w, ast_get(f, "rexpr"), depth + 1);
    w->nlambdas = saved;
}

static int is_lambda(json_t *aexpr_fields)
{
    json_t *name = ast_get(aexpr_fields, "name");
    const char *op = json_array_size(name) == 1 ? ast_string_value(json_array_get(name, 0)) : NULL;
    return op && strcmp(op, "->") == 0;
}

static void walk(walk_ctx *w, json_t *v, int depth)
{
    if (depth > AN_MAX_DEPTH)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            walk(w, c, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    /* Only seven kinds matter here; they are told by their key alone
     * (the full kind lookup costs more than the walk). */
    json_t *f = NULL;
    ast_kind k = AST_UNKNOWN;
    if (json_object_size(v) == 1) {
        void *it = json_object_iter(v);
        const char *key = json_object_iter_key(it);
        json_t *val = json_object_iter_value(it);
        if (json_is_object(val))
            f = val;
        static const struct { const char *key; ast_kind kind; } kinds[] = {
            {"ColumnRef", AST_ColumnRef}, {"A_Const", AST_A_Const}, {"String", AST_String},
            {"SubLink", AST_SubLink}, {"A_Expr", AST_A_Expr}, {"FuncCall", AST_FuncCall},
            {"SelectStmt", AST_SelectStmt}};
        if (f && (key[0] == 'C' || key[0] == 'S' || key[0] == 'F' || key[0] == 'A'))
            for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
                if (ast_streq(key, kinds[i].key)) {
                    k = kinds[i].kind;
                    break;
                }
    }
    if (k == AST_ColumnRef) {
        bind_ref(w, f);
        return;
    }
    if (k == AST_A_Const || k == AST_String || k == AST_SelectStmt)
        return;
    if (k == AST_SubLink) {
        walk(w, ast_get(f, "testexpr"), depth + 1);
        adopt(w, ast_get(ast_get(f, "subselect"), "SelectStmt"), depth + 1);
        return;
    }
    if (k == AST_A_Expr && is_lambda(f)) {
        walk_lambda(w, f, depth);
        return;
    }
    if (k == AST_FuncCall) {
        /* Whether a call is an aggregate matters only to lateral column
         * aliases, which only the select list has. */
        int agg = w->clause == RS_IN_SELECT && !ast_get(f, "over") &&
                  (an_function_classes(an_func_name(f)) & AN_FN_AGGREGATE);
        w->in_agg += agg;
        json_t *child;
        const char *key;
        json_object_foreach(f, key, child) {
            int over = ast_streq(key, "over");
            w->in_window += over;
            walk(w, child, depth + 1);
            w->in_window -= over;
        }
        w->in_agg -= agg;
        return;
    }
    json_t *o = f ? f : v, *child;
    ast_foreach_value(o, child)
        walk(w, child, depth + 1);
}

/* The FROM tree of w->blk: ON conditions see the join's sides; a table
 * function's or LATERAL VIEW generator's arguments see the items before
 * it (Spark's LATERAL correlation). */
static void walk_from(walk_ctx *w, json_t *node, int depth)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    if (depth > AN_MAX_DEPTH)
        return;
    if (k == AST_JoinExpr) {
        walk_from(w, ast_get(f, "larg"), depth + 1);
        walk_from(w, ast_get(f, "rarg"), depth + 1);
        walk_ctx on = *w;
        on.clause = RS_IN_ON;
        on.view = (scope_view){SEE_JOIN, 0, f};
        walk(&on, ast_get(f, "quals"), depth + 1);
        w->lambdas = on.lambdas;
    } else if (k == AST_RangeTableSample) {
        walk_from(w, ast_get(f, "relation"), depth + 1);
        walk_ctx s = *w;
        s.clause = RS_IN_FROM;
        walk(&s, ast_get(f, "args"), depth + 1);
        w->lambdas = s.lambdas;
    } else if (k == AST_RangeFunction) {
        an_item *it = item_of_node(w->res, f);
        walk_ctx fn = *w;
        fn.clause = RS_IN_FROM;
        item_info *ii = it ? info_of_item(w->res, it) : NULL;
        fn.view = (scope_view){SEE_BEFORE, ii ? ii->index : 0, NULL};
        json_t *cf;
        for (size_t i = 0; i < json_array_size(ast_get(f, "functions")); i++) {
            json_t *call = ast_range_function_call(f, i, &cf);
            walk(&fn, cf ? ast_get(cf, "args") : call, depth + 1);
        }
        w->lambdas = fn.lambdas;
    }
}

/* Which clause a key of a SelectStmt is; -1 for those not walked here. */
static const struct { const char *key; int clause; } clause_keys[] = {
    {"targetList", -1}, {"fromClause", -1}, {"withClause", -1}, {"larg", -1}, {"rarg", -1},
    {"sl_pivot", -1}, {"sl_hints", -1},
    {"whereClause", RS_IN_WHERE}, {"groupClause", RS_IN_GROUP},
    {"havingClause", RS_IN_HAVING}, {"sortClause", RS_IN_ORDER},
    {"sl_sort_by", RS_IN_ORDER}, {"sl_distribute_by", RS_IN_ORDER},
    {"sl_cluster_by", RS_IN_ORDER}, {"sl_qualify", RS_IN_QUALIFY},
    {"windowClause", RS_IN_WINDOW},
};

static void walk_block(resolution *res, an_block *blk)
{
    walk_ctx w = {0};
    w.res = res;
    w.blk = blk;
    w.view = (scope_view){SEE_ALL, 0, NULL};
    json_t *sel = blk->select;
    size_t i;
    json_t *node, *t, *tf;
    json_array_foreach(ast_get(sel, "fromClause"), i, node)
        walk_from(&w, node, 0);
    w.clause = RS_IN_SELECT;
    json_array_foreach(ast_get(sel, "targetList"), i, t) {
        w.select_index = i;
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget) {
            walk(&w, t, 0);
            continue;
        }
        walk(&w, ast_get(tf, "val"), 0);
        json_t *except = ast_get(tf, "sl_except");
        if (except) {
            w.clause = RS_IN_EXCEPT;
            walk(&w, except, 0);
            w.clause = RS_IN_SELECT;
        }
    }
    json_t *spec = ast_get(sel, "sl_pivot");
    if (spec) {
        /* PIVOT reads its aggregates' arguments and FOR columns; UNPIVOT
         * reads its IN columns, and names (not reads) the others. */
        w.clause = RS_IN_PIVOT;
        int unpivot = strcmp(ast_str(spec, "kind"), "unpivot") == 0;
        walk(&w, ast_get(spec, "in"), 0);
        if (!unpivot) {
            walk(&w, ast_get(spec, "values"), 0);
            walk(&w, ast_get(spec, "for"), 0);
        }
    }
    const char *key;
    json_t *clause;
    json_object_foreach(sel, key, clause) {
        if (!json_is_object(clause) && !json_is_array(clause))
            continue;
        int c = RS_IN_OTHER;
        for (size_t k = 0; k < sizeof clause_keys / sizeof *clause_keys; k++)
            if (ast_streq(key, clause_keys[k].key))
                c = clause_keys[k].clause;
        if (c < 0)
            continue;
        w.clause = (rs_clause)c;
        walk(&w, clause, 0);
    }
    free(w.lambdas);
}

/* ORDER BY of a set operation names the columns of its output, which
 * are the leftmost branch's (Union.output). */
static void walk_setop_order(resolution *res, json_t *setop)
{
    json_t *leaf = setop;
    for (int d = 0; d < AN_MAX_DEPTH && ast_get(leaf, "larg") &&
                    strcmp(ast_str(leaf, "op"), "SETOP_NONE") != 0; d++)
        leaf = ast_get(ast_get(leaf, "larg"), "SelectStmt") ? ast_get(ast_get(leaf, "larg"), "SelectStmt")
                                                           : ast_get(leaf, "larg");
    an_block *first = block_of_select(res, leaf);
    json_t *sort = ast_get(setop, "sortClause");
    if (!first || !sort)
        return;
    walk_ctx w = {0};
    w.res = res;
    w.blk = first;
    w.clause = RS_IN_SETOP_ORDER;
    w.view = (scope_view){SEE_NONE, 0, NULL};
    /* Only the sort keys' column references, each against the output. */
    size_t i;
    json_t *s, *sf, *nf;
    const rs_columns *o = block_outputs(res, first);
    json_array_foreach(sort, i, s) {
        if (ast_unwrap(s, &sf, NULL) != AST_SortBy)
            continue;
        json_t *key = ast_get(sf, "node");
        if (ast_unwrap(key, &nf, NULL) != AST_ColumnRef) {
            walk(&w, key, 0);
            continue;
        }
        const char *parts[4];
        int n = name_parts(nf, parts, 4);
        if (n < 0)
            continue;
        rs_binding b = {0};
        b.ref = nf;
        b.block = first;
        b.clause = RS_IN_SETOP_ORDER;
        b.position = RS_NO_POSITION;
        size_t at = 0;
        int m = n == 1 ? cols_find(o, parts[0], &at) : 0;
        if (m == 1 && o->v[at].position != RS_NO_POSITION) {
            b.kind = RS_ALIAS;
            b.column = o->v[at].name;
            b.position = o->v[at].position;
            for (size_t k = 0; k < first->noutputs; k++)
                if (first->outputs[k].expr == o->v[at].expr && o->v[at].expr)
                    b.output = &first->outputs[k];
        } else {
            b.kind = m > 1 ? RS_AMBIGUOUS : RS_UNRESOLVED;
            b.why = m > 1 ? keepf(res, "the set operation outputs more than one column named %s",
                                  parts[0])
                          : keepf(res, "the set operation's output has no column %s sluice knows",
                                  dotted(res, parts, 0, n));
        }
        add_binding(res, b);
    }
    free(w.lambdas);
}

/* ------------------------------------------------------------------ */
/* Public                                                              */

int resolve_build(resolution *res, analysis *an, const rules *ru)
{
    memset(res, 0, sizeof *res);
    res->an = an;
    res->rules = ru;
    rs_private *p = res->priv = xcalloc(1, sizeof *p);
    p->ii = xcalloc(an->nitems + 1, sizeof *p->ii);
    p->bi = xcalloc(an->nblocks + 1, sizeof *p->bi);
    p->nitems = an->nitems;
    p->nblocks = an->nblocks;
    ptrmap_init(&p->items, an->nitems);
    ptrmap_init(&p->nodes, an->nitems);
    ptrmap_init(&p->blocks, 2 * an->nblocks);
    for (size_t i = 0; i < an->nitems; i++) {
        ptrmap_put(&p->items, an->items[i], i);
        ptrmap_put(&p->nodes, an->items[i]->node, i);
    }
    for (size_t i = 0; i < an->nblocks; i++)
        for (size_t k = 0; k < an->blocks[i]->nitems; k++) {
            item_info *ii = info_of_item(res, an->blocks[i]->items[k]);
            if (ii)
                ii->index = k;
        }
    for (size_t i = 0; i < an->nblocks; i++) {
        an_block *b = an->blocks[i];
        ptrmap_put(&p->blocks, b, i);
        ptrmap_put(&p->blocks, b->select, i);
        block_info *bi = &p->bi[i];
        if (b->derived) {
            /* A derived table sees the enclosing query's scope; a LATERAL
             * one also the FROM items before it (Spark's LateralSubquery). */
            an_item *d = b->derived;
            bi->parent = d->block;
            bi->parent_view = json_is_true(ast_get(d->node, "lateral"))
                              ? (scope_view){SEE_BEFORE, info_of_item(res, d)->index, NULL}
                              : (scope_view){SEE_NONE, 0, NULL};
        }
    }
    if (an->incomplete.set)
        return 0;
    for (size_t i = 0; i < an->nblocks; i++)
        walk_block(res, an->blocks[i]);
    for (size_t i = 0; i < an->nsetops; i++)
        if (an->setops[i]->side == 0)
            walk_setop_order(res, an->setops[i]->setop);
    return 0;
}

void resolve_free(resolution *res)
{
    rs_private *p = res->priv;
    if (p) {
        for (size_t i = 0; i < p->nitems; i++)
            free(p->ii[i].cols.v);
        for (size_t i = 0; i < p->nblocks; i++) {
            free(p->bi[i].outs.v);
            free(p->bi[i].aliases);
        }
        for (size_t i = 0; i < p->nstrs; i++)
            free(p->strs[i]);
        free(p->strs);
        free(p->ambs);
        ptrmap_free(&p->amb_refs);
        free(p->ii);
        free(p->bi);
        ptrmap_free(&p->items);
        ptrmap_free(&p->nodes);
        ptrmap_free(&p->blocks);
        ptrmap_free(&p->refs);
        free(p);
    }
    free(res->bindings);
    memset(res, 0, sizeof *res);
}

const rs_binding *resolve_lookup(const resolution *res, json_t *columnref_fields)
{
    size_t i;
    if (!res->priv || !ptrmap_get(&res->priv->refs, columnref_fields, &i))
        return NULL;
    return &res->bindings[i];
}

const rs_columns *resolve_item_columns(const resolution *res, const an_item *item)
{
    return item_columns((resolution *)res, (an_item *)item);
}

const rs_columns *resolve_block_outputs(const resolution *res, const an_block *blk)
{
    return block_outputs((resolution *)res, (an_block *)blk);
}

size_t resolve_item_bodies(const resolution *res, const an_item *item, an_block **out, size_t cap)
{
    size_t n = 0;
    if (item->kind != AN_SUBQUERY && item->kind != AN_CTE_REF)
        return 0;
    for (size_t i = 0; i < res->an->nblocks; i++) {
        an_block *b = res->an->blocks[i];
        if ((item->kind == AN_SUBQUERY && b->derived == item) ||
            (item->kind == AN_CTE_REF && item->cte && b->cte == item->cte)) {
            if (n < cap)
                out[n] = b;
            n++;
        }
    }
    return n;
}

static const amb_rec *amb_of(const resolution *res, const rs_binding *b)
{
    size_t i;
    if (!res->priv || !b || b->kind != RS_AMBIGUOUS ||
        !ptrmap_get(&res->priv->amb_refs, b->ref, &i))
        return NULL;
    return &res->priv->ambs[i];
}

size_t resolve_candidates(const resolution *res, const rs_binding *b, rs_candidate *out,
                          size_t cap)
{
    const amb_rec *a = amb_of(res, b);
    if (!a)
        return 0;
    for (size_t i = 0; i < a->c.n && i < cap; i++) {
        const cand *c = &a->c.v[i];
        out[i] = (rs_candidate){c->item, c->merged, c->name, c->pos, c->certain};
    }
    return a->c.n;
}

/* Would item x surely have every column item has: the same catalog
 * table, or a reference to the same CTE? */
static int same_source(const an_item *x, const an_item *item)
{
    if (x->kind != item->kind)
        return 0;
    if (x->kind == AN_TABLE)
        return x->qualified && item->qualified && strcmp(x->qualified, item->qualified) == 0;
    return x->kind == AN_CTE_REF && x->cte && x->cte == item->cte;
}

/* The JoinExpr (fields) under which items a and b are on two sides, and
 * a's side there (0 left, 1 right); NULL when they are not joined by
 * one (FROM a, b). */
static json_t *meeting_join(const an_item *a, const an_item *b, int *a_side)
{
    for (const an_join_step *st = a->join; st; st = st->up)
        for (const an_join_step *s = b->join; s; s = s->up)
            if (s->join == st->join && s->side != st->side) {
                *a_side = st->side;
                return st->join;
            }
    return NULL;
}

const rs_binding *resolve_given(const resolution *res, const rs_binding *b, const an_item *item,
                                const char *column, rs_binding *out)
{
    const amb_rec *a = amb_of(res, b);
    if (!a || a->fields || !column || strcasecmp(a->name, column) != 0)
        return b;
    /* HAVING, QUALIFY: a column and an alias of one name stay ambiguous
     * (bind_ref). */
    if (a->nalias && (a->clause == RS_IN_HAVING || a->clause == RS_IN_QUALIFY))
        return b;
    const cand *mine = NULL;
    for (size_t i = 0; i < a->c.n; i++)
        if (a->c.v[i].item == item || a->c.v[i].merged == item)
            mine = &a->c.v[i];
    if (!mine || mine->dup)
        return b;
    /* A NATURAL join between item and another candidate joins on the
     * name exactly when the other side has it too: then the column is
     * the join's merged one (ResolveNaturalAndUsingJoin), which
     * out->merged records as the other side; the value is the right
     * side's for RIGHT JOIN. */
    const cand *partner = NULL;
    int partner_outputs = 0;
    for (size_t i = 0; i < a->c.n; i++) {
        const cand *o = &a->c.v[i];
        if (o == mine)
            continue;
        if (o->certain || same_source(o->item, item) ||
            (o->merged && same_source(o->merged, item)))
            return b;
        int side = 0;
        json_t *j = meeting_join(mine->item, o->item, &side);
        if (j && json_is_true(ast_get(j, "isNatural"))) {
            if (partner || mine->merged || o->merged)
                return b;
            partner = o;
            partner_outputs = side == 0 && strcmp(ast_str(j, "jointype"), "JOIN_RIGHT") == 0;
        }
    }
    *out = *b;
    out->kind = RS_COLUMN;
    out->item = mine->item;
    out->merged = partner ? partner->item : mine->merged;
    out->column = mine->name ? mine->name : a->name;
    out->position = mine->pos;
    out->why = NULL;
    if (partner_outputs) {
        out->item = partner->item;
        out->merged = mine->item;
        out->column = a->name;
        out->position = RS_NO_POSITION;
    }
    return out;
}

an_block *resolve_block_of_select(const resolution *res, json_t *select)
{
    return res->priv ? block_of_select(res, select) : NULL;
}

size_t resolve_select_blocks(const resolution *res, json_t *select, an_block **out, size_t cap)
{
    /* Depth first, left before right, with a stack of its own: a chain
     * of set operations nests its left branch thousands deep. */
    json_t **stack = NULL;
    size_t nstack = 0, n = 0;
    if (select)
        PUSH(stack, nstack, select);
    while (nstack) {
        json_t *sel = stack[--nstack];
        const char *op = ast_str(sel, "op");
        if (*op && strcmp(op, "SETOP_NONE") != 0) {
            json_t *l = ast_get(sel, "larg"), *r = ast_get(sel, "rarg");
            if (r)
                PUSH(stack, nstack, r);
            if (l)
                PUSH(stack, nstack, l);
            continue;
        }
        an_block *blk = resolve_block_of_select(res, sel);
        if (blk) {
            if (n < cap)
                out[n] = blk;
            n++;
        }
    }
    free(stack);
    return n;
}

const char *resolve_describe(const rs_binding *b, char *buf, size_t size)
{
    static const char *const kind_prefix[] = {"", "cte:", "sub:", "fn:"};
    char owner[160];
    snprintf(owner, sizeof owner, "%s%s", b->item ? kind_prefix[b->item->kind] : "",
             b->item && b->item->alias && *b->item->alias ? b->item->alias : "?");
    char pos[32];
    if (b->position == RS_NO_POSITION)
        snprintf(pos, sizeof pos, "?");
    else
        snprintf(pos, sizeof pos, "%zu", b->position);
    const char *merged = b->merged && b->merged->alias ? b->merged->alias : NULL;
    switch (b->kind) {
    case RS_UNRESOLVED:
        snprintf(buf, size, "unresolved: %s", b->why ? b->why : "");
        break;
    case RS_AMBIGUOUS:
        snprintf(buf, size, "ambiguous: %s", b->why ? b->why : "");
        break;
    case RS_COLUMN: case RS_FIELD: case RS_OUTER: {
        char lvl[24] = "";
        if (b->kind == RS_OUTER)
            snprintf(lvl, sizeof lvl, "(%d)", b->level);
        snprintf(buf, size, "%s%s %s.%s@%s%s%s%s%s",
                 b->kind == RS_COLUMN ? "column" : b->kind == RS_FIELD ? "field" : "outer", lvl,
                 owner, b->column ? b->column : "?", pos, b->field ? " ." : "",
                 b->field ? b->field : "", merged ? " merged " : "", merged ? merged : "");
        break;
    }
    case RS_ALIAS:
        snprintf(buf, size, "alias %s#%s%s%s", b->column ? b->column : "?", pos,
                 b->field ? " ." : "", b->field ? b->field : "");
        break;
    case RS_LAMBDA:
        snprintf(buf, size, "lambda %s%s%s", b->column ? b->column : "?", b->field ? " ." : "",
                 b->field ? b->field : "");
        break;
    }
    return buf;
}
