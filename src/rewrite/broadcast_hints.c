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
 *     SHUFFLE_MERGE, MERGEJOIN, SHUFFLE_HASH, SHUFFLE_REPLICATE_NL) does;
 *     a SELECT with a hint sluice could not read is left alone.
 *  6. There is a SELECT for the hint to sit in.  A join written directly
 *     under PIVOT / UNPIVOT gets one, (SELECT with the hint, * FROM join),
 *     only when the clause names no column by its table (sum(t.x) would
 *     name nothing outside that SELECT).
 *
 * A sampled or time-travel read of a small table is that small table.
 *
 * The hint goes in the SELECT whose FROM holds the join (inside a
 * virtual dataset, CTE or series-limit subquery, that inner SELECT) and
 * names the side as written there: its alias, else its table name, back-
 * quoted where Spark needs it.  Added names join an existing BROADCAST
 * hint or a new one; other hints stay.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "dialect.h"
#include "emit.h"
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

/* The name a hint gives the side: its alias as written, else the name it
 * is scanned by (the table's, or the CTE's), back-quoted when needed. */
static const char *written_name(const side *s)
{
    json_t *alias = ast_get(s->item->node, "alias");
    const char *name = json_string_value(ast_get(alias, "aliasname"));
    if (!name)
        name = json_string_value(ast_get(s->item->node, "relname"));
    /* A derived table written without an alias has none a hint could
     * name (the bridge's stand-in is not printed). */
    if (!name || strncmp(name, DIALECT_RESERVED_PREFIX, strlen(DIALECT_RESERVED_PREFIX)) == 0)
        return NULL;
    return name;
}

static void hint_name(const side *s, sbuf *out)
{
    emit_identifier(out, written_name(s), EMIT_DATABRICKS);
}

/* A hint argument as written ("`My P`", "p") compared with a name. */
static int arg_names(const char *arg, const char *name)
{
    size_t n = strlen(arg);
    if (n >= 2 && arg[0] == '`' && arg[n - 1] == '`') {
        char buf[256];
        size_t k = 0;
        for (size_t i = 1; i + 1 < n && k + 1 < sizeof buf; i++) {
            buf[k++] = arg[i];
            if (arg[i] == '`' && arg[i + 1] == '`')
                i++;
        }
        buf[k] = '\0';
        return strcasecmp(buf, name) == 0;
    }
    const char *dot = strrchr(arg, '.');        /* BROADCAST(sales.products) */
    return strcasecmp(dot ? dot + 1 : arg, name) == 0;
}

/* Condition 5: 1 if the user's hints already decide this side, or if a
 * hint sluice could not read makes adding one unsafe. */
static int user_decided(json_t *sel, const side *s)
{
    static const char *const strategies[] = {
        "broadcast", "broadcastjoin", "mapjoin", "merge", "shuffle_merge", "mergejoin",
        "shuffle_hash", "shuffle_replicate_nl", NULL};
    json_t *alias = ast_get(s->item->node, "alias");
    const char *names[2] = {json_string_value(ast_get(alias, "aliasname")),
                            json_string_value(ast_get(s->item->node, "relname"))};
    size_t i;
    json_t *h;
    json_array_foreach(ast_get(sel, "sl_hints"), i, h) {
        if (ast_get(h, "raw"))
            return 1;
        const char *hn = json_string_value(ast_get(h, "name"));
        int strategy = 0;
        for (int k = 0; hn && strategies[k]; k++)
            strategy |= strcasecmp(hn, strategies[k]) == 0;
        if (!strategy)
            continue;
        size_t j;
        json_t *a;
        json_array_foreach(ast_get(h, "args"), j, a) {
            const char *arg = json_string_value(a);
            for (int k = 0; arg && k < 2; k++)
                if (names[k] && arg_names(arg, names[k]))
                    return 1;
            if (arg && s->item->alias && arg_names(arg, s->item->alias))
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
    if (json_is_true(ast_get(f, "isNatural")) || ast_get(f, "alias"))
        return;
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
        if (!written_name(s) || user_decided(sel, s))
            continue;
        sbuf name = SBUF_INIT;
        hint_name(s, &name);
        char size[96];
        if (s->rows >= 0 && ctx->rules->broadcast_max_rows >= 0 &&
            s->rows <= ctx->rules->broadcast_max_rows)
            snprintf(size, sizeof size, "%lld rows, the limit is %lld", s->rows,
                     ctx->rules->broadcast_max_rows);
        else
            snprintf(size, sizeof size, "%lld bytes, the limit is %lld", s->bytes,
                     ctx->rules->broadcast_max_bytes);
        if (ctx->rules->broadcast == RULES_ROUTING_WARN) {
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
    if (ctx->rules->broadcast == RULES_ROUTING_OFF || ctx->an->incomplete.set)
        return;
    /* Adding a hint only appends to a SELECT's hint list, which no other
     * block's analysis points into. */
    for (size_t i = 0; i < ctx->an->nblocks; i++)
        hint_block(ctx, ctx->an->blocks[i]);
}
