/*
 * analyze.c - query blocks, FROM items, CTE scopes and references.
 *
 * One recursive walk over the statement.  A WITH clause opens a scope:
 * its CTE bodies are analysed first (a recursive CTE sees itself), then
 * the query; an unqualified table name that matches a CTE in scope is a
 * reference to it, not a catalog table.  Set operations contribute one
 * block per branch.  Subqueries inside expressions are found by walking
 * the expression trees of each block.
 */
#include "analyze.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
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

#define PUSH(arr, n, v) do { (arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr)); (arr)[(n)++] = (v); } while (0)

static void walk_query(builder *b, json_t *sel, an_item *derived, an_cte *cte,
                       int in_expression, json_t *first_branch);

static an_cte *find_cte(builder *b, const char *name)
{
    for (size_t i = b->env.n; i-- > 0;)
        if (strcmp(b->env.ctes[i]->name, name) == 0)
            return b->env.ctes[i];
    return NULL;
}

static an_item *new_item(builder *b, an_block *blk, an_item_kind kind, json_t *node,
                         const an_join_step *path, int npath)
{
    an_item *it = xcalloc(1, sizeof *it);
    it->kind = kind;
    it->node = node;
    it->block = blk;
    it->npath = npath;
    memcpy(it->path, path, (size_t)npath * sizeof *path);
    it->location = json_integer_value(json_object_get(node, "location"));
    if (!json_object_get(node, "location"))
        it->location = -1;
    PUSH(blk->items, blk->nitems, it);
    PUSH(b->an->items, b->an->nitems, it);
    return it;
}

static void walk_from(builder *b, an_block *blk, json_t *node, an_join_step *path, int npath)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    json_t *alias = f ? json_object_get(f, "alias") : NULL;
    const char *aname = json_string_value(json_object_get(alias, "aliasname"));
    if (k == AST_JoinExpr) {
        if (npath >= AN_MAX_JOIN_DEPTH)
            return;
        path[npath] = (an_join_step){f, 0};
        walk_from(b, blk, json_object_get(f, "larg"), path, npath + 1);
        path[npath] = (an_join_step){f, 1};
        walk_from(b, blk, json_object_get(f, "rarg"), path, npath + 1);
    } else if (k == AST_RangeVar) {
        const char *cat = json_string_value(json_object_get(f, "catalogname"));
        const char *sch = json_string_value(json_object_get(f, "schemaname"));
        char *rel = lower(ast_str(f, "relname"));
        an_cte *cte = !sch && !cat ? find_cte(b, rel) : NULL;
        an_item *it = new_item(b, blk, cte ? AN_CTE_REF : AN_TABLE, f, path, npath);
        it->alias = lower(aname ? aname : rel);
        if (cte) {
            it->cte = cte;
            PUSH(cte->refs, cte->nrefs, it);
        } else {
            sbuf q = SBUF_INIT;
            sbuf_printf(&q, "%s.%s.%s", cat ? cat : (b->catalog ? b->catalog : ""),
                        sch ? sch : (b->schema ? b->schema : ""), rel);
            it->qualified = lower(sbuf_cstr(&q));
            sbuf_free(&q);
        }
        free(rel);
    } else if (k == AST_RangeSubselect) {
        an_item *it = new_item(b, blk, AN_SUBQUERY, f, path, npath);
        it->alias = lower(aname);
        json_t *sub = json_object_get(json_object_get(f, "subquery"), "SelectStmt");
        if (sub)
            walk_query(b, sub, it, NULL, 0, NULL);
    } else if (k == AST_RangeFunction) {
        an_item *it = new_item(b, blk, AN_FUNCTION, f, path, npath);
        it->alias = lower(aname);
    }
}

/* Subqueries inside expressions (IN, EXISTS, scalar): their own blocks. */
static void walk_expr(builder *b, json_t *v)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            walk_expr(b, c);
        return;
    }
    if (!json_is_object(v))
        return;
    json_t *f;
    ast_kind k = ast_unwrap(v, &f, NULL);
    if (k == AST_SubLink) {
        walk_expr(b, json_object_get(f, "testexpr"));
        json_t *sub = json_object_get(json_object_get(f, "subselect"), "SelectStmt");
        if (sub)
            walk_query(b, sub, NULL, NULL, 1, NULL);
        return;
    }
    if (k == AST_SelectStmt)
        return;
    const char *key;
    json_t *child;
    json_object_foreach(f ? f : v, key, child)
        walk_expr(b, child);
}

static void walk_query(builder *b, json_t *sel, an_item *derived, an_cte *cte,
                       int in_expression, json_t *first_branch)
{
    size_t saved = b->env.n;
    json_t *with = json_object_get(sel, "withClause");
    if (with) {
        int recursive = json_is_true(json_object_get(with, "recursive"));
        size_t i;
        json_t *c, *cf;
        json_array_foreach(json_object_get(with, "ctes"), i, c) {
            if (ast_unwrap(c, &cf, NULL) != AST_CommonTableExpr)
                continue;
            an_cte *ce = xcalloc(1, sizeof *ce);
            ce->name = lower(ast_str(cf, "ctename"));
            ce->query = json_object_get(json_object_get(cf, "ctequery"), "SelectStmt");
            PUSH(b->an->ctes, b->an->nctes, ce);
            if (recursive)
                PUSH(b->env.ctes, b->env.n, ce);
            if (ce->query)
                walk_query(b, ce->query, NULL, ce, 0, NULL);
            if (!recursive)
                PUSH(b->env.ctes, b->env.n, ce);
        }
    }
    const char *op = ast_str(sel, "op");
    if (*op && strcmp(op, "SETOP_NONE") != 0) {
        /* Branches are matched by position to the leftmost branch's names. */
        json_t *leftmost = sel;
        while (json_object_get(leftmost, "larg") &&
               strcmp(ast_str(leftmost, "op"), "SETOP_NONE") != 0)
            leftmost = json_object_get(leftmost, "larg");
        json_t *fb = first_branch ? first_branch : json_object_get(leftmost, "targetList");
        walk_query(b, json_object_get(sel, "larg"), derived, cte, in_expression, fb);
        walk_query(b, json_object_get(sel, "rarg"), derived, cte, in_expression, fb);
    } else {
        an_block *blk = xcalloc(1, sizeof *blk);
        blk->select = sel;
        blk->derived = derived;
        blk->cte = cte;
        blk->in_expression = in_expression;
        blk->first_branch = first_branch ? first_branch : json_object_get(sel, "targetList");
        PUSH(b->an->blocks, b->an->nblocks, blk);
        size_t i;
        json_t *item;
        an_join_step path[AN_MAX_JOIN_DEPTH];
        json_array_foreach(json_object_get(sel, "fromClause"), i, item)
            walk_from(b, blk, item, path, 0);
        static const char *const expr_fields[] = {
            "targetList", "whereClause", "havingClause", "sl_qualify", "groupClause",
            "sortClause", NULL};
        for (int k = 0; expr_fields[k]; k++)
            walk_expr(b, json_object_get(sel, expr_fields[k]));
        /* Join conditions may hold subqueries too. */
        for (size_t k = 0; k < blk->nitems; k++)
            for (int s = 0; s < blk->items[k]->npath; s++)
                if (blk->items[k]->path[s].side == 1)
                    walk_expr(b, json_object_get(blk->items[k]->path[s].join, "quals"));
    }
    b->env.n = saved;
}

void analysis_build(analysis *an, json_t *stmt, const char *catalog, const char *schema)
{
    memset(an, 0, sizeof *an);
    builder b = {an, catalog, schema, {NULL, 0}};
    json_t *sel = json_object_get(stmt, "SelectStmt");
    if (sel)
        walk_query(&b, sel, NULL, NULL, 0, NULL);
    free(b.env.ctes);
}

void analysis_free(analysis *an)
{
    for (size_t i = 0; i < an->nblocks; i++) {
        free(an->blocks[i]->items);
        free(an->blocks[i]);
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
    free(an->blocks);
    free(an->items);
    free(an->ctes);
    memset(an, 0, sizeof *an);
}

const char *analysis_target_name(json_t *rt)
{
    const char *name = json_string_value(json_object_get(rt, "name"));
    if (name)
        return name;
    json_t *vf;
    if (ast_unwrap(json_object_get(rt, "val"), &vf, NULL) == AST_ColumnRef) {
        json_t *fields = json_object_get(vf, "fields");
        return ast_string_value(json_array_get(fields, json_array_size(fields) - 1));
    }
    return NULL;
}
