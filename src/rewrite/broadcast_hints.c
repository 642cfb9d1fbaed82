/*
 * broadcast_hints.c - rule "broadcast-hint": a join with a small table
 * gets the hint BROADCAST(alias), from the sizes the rules file declares,
 * so Databricks ships the small side to every executor instead of
 * shuffling both sides.
 *
 *     SELECT p.category, sum(t.amount) AS revenue
 *     FROM main.sales.transactions t JOIN main.sales.products p ON ...
 * becomes
 *     SELECT (hint: BROADCAST(p)) p.category, sum(t.amount) AS revenue
 *     FROM main.sales.transactions t JOIN main.sales.products p ON ...
 *
 * A hint changes how a join runs, never what it returns; these are the
 * conditions under which one is added, each with its reason:
 *
 *  1. The side is small: its tables entry declares rows <= max_rows or
 *     bytes <= max_bytes.  An unknown size counts as large (a broadcast
 *     of a big table can exhaust executor memory or fail outright).  A
 *     derived table or CTE counts as small only when its body is a plain
 *     scan of one small table (no join, aggregation, generator or window:
 *     it is then no bigger than that table).
 *  2. The side may be broadcast in its join: either side of an inner or
 *     cross join (comma joins included), the right side of a LEFT join,
 *     the left side of a RIGHT join, neither side of a FULL join.  The
 *     preserved side of an outer join must see every row on one executor
 *     set, so Spark cannot broadcast it.
 *  3. The side is one relation (a join's result is not a name a hint can
 *     take), and not the only relation of its SELECT.
 *  4. When both sides of one join are small, only the smaller is hinted
 *     (fewer rows, then fewer bytes, then the right side).
 *  5. The user has not decided already: no BROADCAST / BROADCASTJOIN /
 *     MAPJOIN hint names it, and no other join strategy (MERGE,
 *     SHUFFLE_MERGE, MERGEJOIN, SHUFFLE_HASH, SHUFFLE_REPLICATE_NL) does,
 *     "names" read as Spark reads it (below: a hint naming an aliased
 *     table by its table name names nothing, and covers nothing); a
 *     strategy hint without names, or one with an argument sluice cannot
 *     read as a name, leaves the SELECT alone.
 *  6. There is a SELECT for the hint to sit in.  A join written directly
 *     under PIVOT / UNPIVOT gets one, (SELECT with the hint, * FROM join),
 *     only when the clause names no column by its table (sum(t.x) would
 *     name nothing outside that SELECT).
 *
 * A sampled or time-travel read of a small table is that small table.
 *
 *  7. The name in the hint names the side and nothing else: Spark applies
 *     a hint to every relation of the SELECT whose name ends with the
 *     hint's parts, so an unaliased side is named by the shortest suffix
 *     of its written name no other relation shares (main.sales.regions
 *     beside main.geo.regions is sales.regions), an aliased side by its
 *     alias; when no name singles the side out, it gets no hint (a hint
 *     on the other relation could broadcast a large table).
 *
 * NATURAL joins are joins of their type like any other.  The hint goes in
 * the SELECT whose FROM holds the join (inside a virtual dataset, CTE or
 * series-limit subquery, that inner SELECT), back-quoted where Spark needs
 * it.  Added names join an existing BROADCAST hint or a new one; other
 * hints stay.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "dialect.h"
#include "emit.h"
#include "parse.h"
#include "rewrite.h"

typedef struct side {
    an_item *item;          /* the relation, NULL when the side is a join */
    const rules_table *table;   /* its (scanned) table's entry, if small */
    long long rows, bytes;
    int small;
} side;

static int is_small(const rules *ru, const rules_table *t)
{
    return t && ((ru->broadcast_max_rows >= 0 && t->rows >= 0 && t->rows <= ru->broadcast_max_rows) ||
                 (ru->broadcast_max_bytes >= 0 && t->bytes >= 0 &&
                  t->bytes <= ru->broadcast_max_bytes));
}

/* The one table a derived table or CTE body scans plainly, if so. */
static const an_item *plain_scan(const an_block *body)
{
    if (!body || body->nitems != 1 || body->items[0]->kind != AN_TABLE || body->ngroup ||
        body->naggs || body->grouping_sets || body->has_window || body->has_generator ||
        ast_get(body->select, "distinctClause"))
        return NULL;
    return body->items[0];
}

/* The block whose body is the derived table or CTE, when it is a single
 * simple SELECT. */
static const an_block *body_of(const analysis *an, const an_item *it)
{
    const an_block *found = NULL;
    int n = 0;
    for (size_t i = 0; i < an->nblocks; i++) {
        const an_block *b = an->blocks[i];
        if ((it->kind == AN_SUBQUERY && b->derived == it) ||
            (it->kind == AN_CTE_REF && b->cte == it->cte && !b->in_expression)) {
            found = b;
            n++;
        }
    }
    return n == 1 ? found : NULL;   /* a set operation has several branches */
}

static side side_of(check_ctx *ctx, const an_block *blk, json_t *node)
{
    side s = {NULL, NULL, -1, -1, 0};
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    if (k == AST_JoinExpr || !f)
        return s;
    /* A sampled or time-travel read is still a read of its table. */
    if (k == AST_RangeTableSample &&
        ast_unwrap(ast_get(f, "relation"), &f, NULL) != AST_RangeVar)
        return s;
    for (size_t i = 0; i < blk->nitems; i++)
        if (blk->items[i]->node == f)
            s.item = blk->items[i];
    if (!s.item)
        return s;
    const an_item *scan = NULL;
    if (s.item->kind == AN_TABLE && s.item->qualified)
        scan = s.item;
    else if (s.item->kind == AN_SUBQUERY || s.item->kind == AN_CTE_REF)
        scan = plain_scan(body_of(ctx->an, s.item));
    if (!scan || !scan->qualified)
        return s;
    const rules_table *t = rules_find_table(ctx->rules, scan->qualified);
    if (is_small(ctx->rules, t)) {
        s.table = t;
        s.rows = t->rows;
        s.bytes = t->bytes;
        s.small = 1;
    }
    return s;
}

/*
 * Names as Spark's hint resolution reads them (ResolveHints.ResolveJoinHints
 * and ResolveHints.matchedIdentifier in apache/spark).  A hint argument is a
 * multi-part name, written as an identifier (p, sales.products, `My P`) or
 * as a string that is split the same way ('sales.products').  It names a
 * relation of the SELECT when its parts equal, case-insensitively, the
 * rightmost parts of the relation's name, where a relation's name is:
 *   - its alias alone, when it has one (a SubqueryAlias: the traversal never
 *     looks past it, so the table name under an alias names nothing);
 *   - otherwise its name as written, every part (an UnresolvedRelation);
 *   - nothing, for a relation written IDENTIFIER('...') without an alias
 *     (still unresolved when hints are resolved).
 * So BROADCAST(regions) names main.geo.regions and main.sales.regions
 * alike, and BROADCAST(products) names nothing in "products AS p".
 */
typedef struct name_parts {
    char part[3][256];      /* catalog.schema.table at most */
    int n;                  /* 0: no name a hint can match */
} name_parts;

static int add_part(name_parts *np, const char *s, size_t len)
{
    if (np->n == 3 || len == 0 || len >= sizeof np->part[0])
        return -1;
    memcpy(np->part[np->n], s, len);
    np->part[np->n++][len] = '\0';
    return 0;
}

/* A hint argument as the bridge keeps it (its tokens as written): a
 * multi-part name, or a string holding one, read by the reader of
 * IDENTIFIER('...') strings (dialect_multipart_name).  -1 when it is
 * neither, or a string with escapes. */
static int hint_arg_name(const char *arg, name_parts *np)
{
    char buf[800];
    size_t n = strlen(arg);
    if (n >= 2 && (arg[0] == '\'' || arg[0] == '"') && arg[n - 1] == arg[0]) {
        if (memchr(arg + 1, '\\', n - 2) || memchr(arg + 1, arg[0], n - 2))
            return -1;                          /* escapes: not read here */
        arg++;
        n -= 2;
    }
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, arg, n);
    buf[n] = '\0';
    np->n = dialect_multipart_name(buf, np->part);
    return np->n > 0 ? 0 : -1;
}

/* The name Spark matches hints against for an item (see above). */
static void relation_name(const an_item *it, name_parts *np)
{
    np->n = 0;
    json_t *alias = ast_get(it->node, "alias");
    const char *a = json_string_value(ast_get(alias, "aliasname"));
    if (a && !parse_is_placeholder(a)) {
        if (add_part(np, a, strlen(a)) < 0)
            np->n = 0;
        return;
    }
    if (a || it->via_identifier || (it->kind != AN_TABLE && it->kind != AN_CTE_REF))
        return;                 /* a stand-in alias, IDENTIFIER(), a function */
    static const char *const keys[] = {"catalogname", "schemaname", "relname"};
    for (int k = 0; k < 3; k++) {
        const char *part = json_string_value(ast_get(it->node, keys[k]));
        if (part && add_part(np, part, strlen(part)) < 0) {
            np->n = 0;
            return;
        }
    }
}

/* ResolveHints.matchedIdentifier: the hint's parts are the rightmost
 * parts of the relation's name. */
static int name_matches(const name_parts *hint, const name_parts *rel)
{
    if (hint->n == 0 || hint->n > rel->n)
        return 0;
    for (int i = 0; i < hint->n; i++)
        if (strcasecmp(hint->part[i], rel->part[rel->n - hint->n + i]) != 0)
            return 0;
    return 1;
}

/* The name the hint gives the side: the shortest suffix of its name that
 * names it and no other relation of the SELECT (for an aliased side, the
 * alias, if nothing else answers to it).  0 when no such name exists: a
 * hint would also broadcast another relation, so none is added. */
static int hint_name(const an_block *blk, const side *s, name_parts *out)
{
    name_parts own;
    relation_name(s->item, &own);
    for (int k = 1; k <= own.n; k++) {
        out->n = 0;
        for (int i = own.n - k; i < own.n; i++)
            add_part(out, own.part[i], strlen(own.part[i]));
        int shared = 0;
        for (size_t i = 0; i < blk->nitems && !shared; i++) {
            name_parts other;
            if (blk->items[i] == s->item)
                continue;
            relation_name(blk->items[i], &other);
            shared = name_matches(out, &other);
        }
        if (!shared)
            return 1;
    }
    return 0;
}

static void print_name(const name_parts *np, sbuf *out)
{
    for (int i = 0; i < np->n; i++) {
        if (i)
            sbuf_putc(out, '.');
        emit_identifier(out, np->part[i], EMIT_DATABRICKS);
    }
}

/* Condition 5: 1 if the user's hints already decide this side, or if a
 * hint argument sluice could not read makes adding one unsafe.  A hint decides
 * the side only when Spark would apply it to the side. */
static int user_decided(json_t *sel, const side *s)
{
    static const char *const strategies[] = {
        "broadcast", "broadcastjoin", "mapjoin", "merge", "shuffle_merge", "mergejoin",
        "shuffle_hash", "shuffle_replicate_nl", NULL};
    name_parts own;
    relation_name(s->item, &own);
    size_t i;
    json_t *h;
    json_array_foreach(ast_get(sel, "sl_hints"), i, h) {
        const char *hn = json_string_value(ast_get(h, "name"));
        int strategy = 0;
        for (int k = 0; hn && strategies[k]; k++)
            strategy |= strcasecmp(hn, strategies[k]) == 0;
        if (!strategy)
            continue;
        if (json_array_size(ast_get(h, "args")) == 0)
            return 1;           /* no names: the hint applies to every join below */
        size_t j;
        json_t *a;
        json_array_foreach(ast_get(h, "args"), j, a) {
            name_parts arg;
            const char *text = json_string_value(a);
            if (!text || hint_arg_name(text, &arg) < 0)
                return 1;       /* an argument sluice cannot read */
            if (name_matches(&arg, &own))
                return 1;
        }
    }
    return 0;
}

/* Condition 4: is a the smaller of two small sides? */
static int smaller(const side *a, const side *b)
{
    if (a->rows >= 0 && b->rows >= 0 && a->rows != b->rows)
        return a->rows < b->rows;
    if (a->bytes >= 0 && b->bytes >= 0 && a->bytes != b->bytes)
        return a->bytes < b->bytes;
    return 0;       /* a tie goes to the other (right) side */
}

typedef struct pick { side s; } pick;

static void add_pick(pick **v, size_t *n, const side *s)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i].s.item == s->item)
            return;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = (pick){*s};
}

/* One join: which of its two sides (left, right) may take the hint. */
static void consider_join(check_ctx *ctx, const an_block *blk, const char *jointype,
                          json_t *larg, json_t *rarg, pick **picks, size_t *npicks)
{
    int left_ok = strcmp(jointype, "JOIN_INNER") == 0 || strcmp(jointype, "JOIN_RIGHT") == 0;
    int right_ok = strcmp(jointype, "JOIN_INNER") == 0 || strcmp(jointype, "JOIN_LEFT") == 0;
    side l = side_of(ctx, blk, larg), r = side_of(ctx, blk, rarg);
    /* A table function or LATERAL VIEW is no join partner to ship a
     * table to. */
    if ((l.item && l.item->kind == AN_FUNCTION) || (r.item && r.item->kind == AN_FUNCTION))
        return;
    int lh = left_ok && l.item && l.small, rh = right_ok && r.item && r.small;
    if (lh && rh) {
        if (smaller(&l, &r))
            rh = 0;
        else
            lh = 0;
    }
    if (lh)
        add_pick(picks, npicks, &l);
    if (rh)
        add_pick(picks, npicks, &r);
}

static void walk_joins(check_ctx *ctx, const an_block *blk, json_t *node, pick **picks,
                       size_t *npicks, int depth)
{
    json_t *f;
    if (depth > AN_MAX_DEPTH || ast_unwrap(node, &f, NULL) != AST_JoinExpr)
        return;
    json_t *l = ast_get(f, "larg"), *r = ast_get(f, "rarg");
    walk_joins(ctx, blk, l, picks, npicks, depth + 1);
    walk_joins(ctx, blk, r, picks, npicks, depth + 1);
    if (ast_get(f, "alias"))
        return;                 /* (a JOIN b) AS j: no hint reaches past the alias */
    consider_join(ctx, blk, ast_str(f, "jointype"), l, r, picks, npicks);
}

static void hint_block(check_ctx *ctx, an_block *blk)
{
    json_t *sel = blk->select;
    json_t *from = ast_get(sel, "fromClause");
    size_t relations = 0;
    for (size_t k = 0; k < blk->nitems; k++)
        relations += blk->items[k]->kind != AN_FUNCTION;
    if (relations < 2)
        return;                 /* condition 3: never the only relation */
    if (!an_block_takes_clauses(blk))
        return;                 /* condition 6 */
    pick *picks = NULL;
    size_t npicks = 0;
    size_t i;
    json_t *entry;
    /* Comma joins are cross joins, left-deep: (e0, e1), (e0 e1, e2), ... */
    json_array_foreach(from, i, entry) {
        walk_joins(ctx, blk, entry, &picks, &npicks, 0);
        if (i == 1)
            consider_join(ctx, blk, "JOIN_INNER", json_array_get(from, 0), entry, &picks, &npicks);
        else if (i > 1)
            consider_join(ctx, blk, "JOIN_INNER", NULL, entry, &picks, &npicks);
    }
    for (size_t k = 0; k < npicks; k++) {
        side *s = &picks[k].s;
        name_parts hn;
        if (!hint_name(blk, s, &hn) || user_decided(sel, s))
            continue;
        sbuf name = SBUF_INIT;
        print_name(&hn, &name);
        char size[96];
        if (s->rows >= 0 && ctx->rules->broadcast_max_rows >= 0 &&
            s->rows <= ctx->rules->broadcast_max_rows)
            snprintf(size, sizeof size, "%lld rows, the limit is %lld", s->rows,
                     ctx->rules->broadcast_max_rows);
        else
            snprintf(size, sizeof size, "%lld bytes, the limit is %lld", s->bytes,
                     ctx->rules->broadcast_max_bytes);
        if (ctx->rules->broadcast == RULES_ENFORCE_WARN) {
            check_report(ctx, RULE_BROADCAST_HINT, SL_SEVERITY_WARNING, s->item->location,
                         "%s is small (%s): /*+ BROADCAST(%s) */ would ship it to every "
                         "executor instead of shuffling the join", s->table->match, size,
                         sbuf_cstr(&name));
        } else {
            ast_add_hint(sel, "BROADCAST", sbuf_cstr(&name));
            ctx->modified = 1;
            check_report(ctx, RULE_BROADCAST_HINT, SL_SEVERITY_INFO, s->item->location,
                         "added /*+ BROADCAST(%s) */: %s is small (%s)", sbuf_cstr(&name),
                         s->table->match, size);
        }
        sbuf_free(&name);
    }
    free(picks);
}

void rewrite_broadcast_hints(check_ctx *ctx)
{
    if (ctx->rules->broadcast == RULES_ENFORCE_OFF || ctx->an->incomplete.set)
        return;
    /* Adding a hint only appends to a SELECT's hint list, which no other
     * block's analysis points into. */
    for (size_t i = 0; i < ctx->an->nblocks; i++)
        hint_block(ctx, ctx->an->blocks[i]);
}
