/*
 * aggregate_joins.c - join-back for rule "aggregate-routing": a block
 * that joins the fact table to a dimension table for its attributes is
 * answered by joining an aggregate that stores the dimension's key to
 * the same dimension.
 *
 *     SELECT s.city, sum(t.amount) AS revenue
 *     FROM main.sales.transactions AS t
 *     JOIN main.sales.stores AS s ON t.store_id = s.store_id
 *     WHERE s.size = 'large' AND t.transaction_date >= DATE '2026-10-01'
 *     GROUP BY s.city
 * becomes, with revenue_by_day_store built by
 *     SELECT transaction_date AS day, store_id, SUM(amount) AS revenue, ...
 *     FROM main.sales.transactions GROUP BY transaction_date, store_id
 * the query
 *     SELECT s.city, sum(t.revenue) AS revenue
 *     FROM main.sales.revenue_by_day_store AS t
 *     JOIN main.sales.stores AS s ON t.store_id = s.store_id
 *     WHERE s.size = 'large' AND t.day >= DATE '2026-10-01'
 *     GROUP BY s.city
 *
 * This file owns the join: which blocks are candidates, which ON
 * conditions are covered, and the routed FROM clause.  Everything per
 * row (the mapping of expressions onto stored dimensions and measures,
 * conditions 2-10) stays with aggregate_routing.c, which asks here at
 * its condition 1 (J1-J3), when it maps a column reference (the
 * dimension's columns, J5) and after its WHERE (J4, J5).  The block is
 * routed only if all of these hold, in this order; the first that fails
 * is the reason given:
 *
 * J1. The block's FROM is one join of two catalog tables: the fact (the
 *     aggregate's source) and one other table, the dimension.  Refused:
 *     a comma join (FROM t, d WHERE ...), a third table, a derived
 *     table, CTE or table function on either side.
 *
 * J2. The join keeps the fact's rows as its stored groups keep them:
 *     [INNER] JOIN ... ON, or an outer join that preserves the fact
 *     (t LEFT JOIN d, d RIGHT JOIN t).  Refused: FULL JOIN and an outer
 *     join that preserves the dimension (a dimension row without fact
 *     rows is one row of NULLs, which COUNT(*) counts once while the
 *     stored counts sum to 0), CROSS JOIN (no ON), LEFT SEMI / ANTI,
 *     NATURAL and USING (merged columns), a join with an alias.
 *
 * J3. The dimension is read exactly as the query reads it: it is kept,
 *     under its own alias, with every condition on it (ON and WHERE).
 *     It is a table the rules declare with its columns (so every name
 *     of the block is bound, resolve.h) and at least one unique key,
 *     read without TABLESAMPLE or time travel and without an alias
 *     column list, and it is not the fact itself.  Refused otherwise.
 *
 * J4. The ON condition equates every column of a declared unique key of
 *     the dimension with a fact column that the aggregate stores as a
 *     dimension exactly (the column itself, not a function of it):
 *     t.store_id = s.store_id.  Why it holds: every row of a stored
 *     group has that column's value, so each row of the group has the
 *     same partner as the group -- at most one, the key being unique --
 *     and none when the key is NULL or has no partner.  An inner join
 *     drops a whole group exactly where it drops each of its rows; a
 *     left join keeps it, with NULL attributes, exactly where it keeps
 *     them (Spark's Join: an equi-join never matches NULL keys).
 *     Refused: a key not declared unique (fan-out), part of a key, a
 *     fact column stored only through a function (a stored
 *     coalesce(store_id, 0) would find NULL keys a partner), a fact
 *     column the aggregate does not store, only other comparisons.
 *
 * J5. Every other expression of the block -- the rest of the ON
 *     condition, WHERE, GROUP BY, the select list outside aggregate
 *     calls, HAVING, ORDER BY -- reads the fact through stored
 *     dimensions only (aggregate_routing.c condition 3) and the
 *     dimension's columns as they are: it has one value per pair of a
 *     stored group and a dimension row, so it filters and groups the
 *     pairs as it did the rows.  The ON condition holds no
 *     non-deterministic call (it would be drawn once per pair instead of
 *     once per row).  Refused: a fact column that is not stored, rand()
 *     in ON.
 *
 * J6. Aggregate calls are answered as in aggregate_routing.c condition
 *     6: SUM of the stored sums, SUM of the stored counts, MIN / MAX of
 *     the stored MIN / MAX; MIN, MAX and COUNT(DISTINCT) of an
 *     expression of dimensions and dimension-table columns take the same
 *     values over the pairs as over the rows.  SUM or COUNT of a
 *     dimension-table column is refused there (no stored measure): it
 *     would count each partner once per group instead of once per row.
 *
 * An aggregate whose own query joins the source to a dimension
 * (rules_aggregate.c: source [INNER | LEFT] JOIN dimension ON a whole
 * unique key, every column qualified) is the fact-and-dimension rows
 * grouped; the block is answered from it alone, the join dropped, when:
 *
 * J7. The block reads the same join (J1-J3 hold for it), or the fact
 *     alone and the aggregate's join is a LEFT JOIN: on a unique key it
 *     keeps every fact row exactly once, so its groups hold every row --
 *     or an inner join that is lossless (J9).  Refused: the fact alone
 *     against an inner join that is not, which drops the fact rows
 *     without a partner that the query counts.
 *
 * J8. The same join: the same dimension table, the same join type (an
 *     inner join, or a join preserving the fact for a LEFT JOIN; either
 *     for the other when the aggregate's join is lossless, J9: then both
 *     keep every fact row once), and the same ON conjuncts up to order,
 *     mirrored comparisons and the names of the tables (each column
 *     matched by the table it reads: the definition's by its qualifier,
 *     the block's by its binding).  Every other expression maps onto the
 *     stored dimensions as in a query of one table, a dimension's
 *     attributes included.  Refused: another table, another join type,
 *     an extra or a missing ON conjunct.
 *
 * J9. The aggregate's join is lossless -- every fact row has exactly one
 *     partner, so an inner join keeps each row once, as a LEFT JOIN does
 *     -- when its ON condition is the one equality t.c = d.k where
 *       a. the fact's column c is declared not_null (tables[].not_null):
 *          a NULL key finds no partner;
 *       b. c declares "references": {"table": d, "columns": [k],
 *          "total": true}: every value of c is a value of d.k (the rules
 *          vouch for it, as for not_null and unique; sluice cannot see
 *          the data);
 *       c. k is a declared unique key of d, so there is at most one
 *          partner: rules_aggregate.c loads an aggregate over a join
 *          only when its ON condition equates a whole unique key, here
 *          k alone.
 *     Refused (join_not_covered): a nullable c, no reference, a
 *     reference without "total": true or to another table or column, and
 *     any other ON conjunct (a condition such as d.size = 'large' drops
 *     the rows whose partner fails it).
 *
 * In the routed block the aggregate's columns are qualified with the
 * fact's alias (or name) and the dimension's columns with the
 * dimension's: both may have a column of the same name (store_id).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "aggregate_joins.h"
#include "ast.h"
#include "ast_edit.h"
#include "rewrite.h"
#include "route_reasons.h"

static void why(agj_join *j, route_reason code, const char *fmt, const char *arg)
{
    snprintf(j->whybuf, sizeof j->whybuf, fmt, arg ? arg : "");
    j->why = j->whybuf;
    j->code = code;
}

/* J1-J3 */
void agj_shape(const rules *ru, an_block *blk, an_item *fact, agj_join *j)
{
    memset(j, 0, sizeof *j);
    j->fact = fact;
    /* J1 */
    if (blk->nitems != 2 || !fact->join || fact->join->up ||
        json_array_size(ast_get(blk->select, "fromClause")) != 1) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the block reads more than the aggregate's source "
            "and one dimension joined to it (comma joins, several FROM items or joins; J1)");
        return;
    }
    an_item *dim = blk->items[0] == fact ? blk->items[1] : blk->items[0];
    if (dim->kind != AN_TABLE || !dim->join || dim->join->join != fact->join->join) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the fact is joined to something other than one "
            "catalog table (J1)");
        return;
    }
    json_t *jf = fact->join->join;
    j->dim = dim;
    j->join = jf;
    j->fact_side = fact->join->side;
    /* J2 (Spark's JoinType: Inner, LeftOuter, RightOuter; the outer side
     * preserved must be the fact's). */
    const char *type = ast_str(jf, "jointype");
    if (ast_get(jf, "sl_join") || ast_get(jf, "isNatural") || ast_get(jf, "usingClause") ||
        ast_get(jf, "alias") || ast_get(jf, "join_using_alias")) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the join is a SEMI / ANTI, NATURAL or USING join, "
            "or has an alias (J2)");
        return;
    }
    if (!ast_get(jf, "quals")) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the join has no ON condition (J2)");
        return;
    }
    int kept = type && (strcmp(type, "JOIN_INNER") == 0 ||
                        (strcmp(type, "JOIN_LEFT") == 0 && j->fact_side == 0) ||
                        (strcmp(type, "JOIN_RIGHT") == 0 && j->fact_side == 1));
    if (!kept) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the join keeps rows of the dimension that have no "
            "fact rows (FULL, or an outer join preserving the dimension; J2)");
        return;
    }
    /* J3 */
    const rules_table *t = dim->qualified ? rules_find_table(ru, dim->qualified) : NULL;
    if (!t || !t->has_columns) {
        why(j, RR_JOIN_NOT_COVERED, "the dimension %s is not declared with its columns "
            "(tables[].columns; J3)", dim->qualified ? dim->qualified : "?");
        return;
    }
    if (t->nunique == 0) {
        why(j, RR_FAN_OUT, "the dimension %s declares no unique key: a fact row may find "
            "several partners (tables[].unique; J3)", dim->qualified);
        return;
    }
    if (dim->sampled || dim->historical) {
        why(j, RR_SAMPLED_OR_TIME_TRAVEL, "%s", "the dimension is read with TABLESAMPLE or at "
            "an older version (J3)");
        return;
    }
    if (!an_reach_names_known(dim)) {
        why(j, RR_COLUMNS_RENAMED, "%s", "an alias list renames the dimension's columns (J3)");
        return;
    }
    if (strcmp(dim->qualified, fact->qualified) == 0) {
        why(j, RR_JOIN_NOT_COVERED, "%s", "the dimension is the fact itself (J3)");
        return;
    }
    j->dim_table = t;
}

static const rs_binding *bound(const resolution *res, json_t *colref_fields)
{
    const rs_binding *b = resolve_lookup(res, colref_fields);
    return b && b->kind == RS_COLUMN && !b->field && !b->merged &&
           json_array_size(ast_get(colref_fields, "fields")) <= 2 ? b : NULL;
}

int agj_is_dimension_column(const resolution *res, const agj_join *j, json_t *colref_fields)
{
    const rs_binding *b = bound(res, colref_fields);
    return b && b->item == j->dim && b->column;
}

/* The name the block knows an item by: its alias as written, else its
 * table's name. */
static const char *written_name(const an_item *item)
{
    const char *a = json_string_value(ast_get(ast_get(item->node, "alias"), "aliasname"));
    if (!a)
        a = json_string_value(ast_get(item->node, "relname"));
    return a ? a : item->alias;
}

json_t *agj_dimension_column(const resolution *res, const agj_join *j, json_t *colref_fields)
{
    const rs_binding *b = bound(res, colref_fields);
    return ast_new_column_ref(written_name(j->dim), b ? b->column : "?");
}

json_t *agj_on(const agj_join *j)
{
    return ast_get(j->join, "quals");
}

/* The conjuncts of an AND tree, up to cap. */
static size_t conjuncts(json_t *e, json_t **out, size_t n, size_t cap)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) == AST_BoolExpr && ast_str(f, "boolop") &&
        strcmp(ast_str(f, "boolop"), "AND_EXPR") == 0) {
        size_t i;
        json_t *a;
        json_array_foreach(ast_get(f, "args"), i, a)
            n = conjuncts(a, out, n, cap);
        return n;
    }
    if (n < cap)
        out[n] = e;
    return n + 1;
}

static ast_walk_rc find_volatile(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    (void)node;
    if (k == AST_FuncCall &&
        (an_function_classes(an_func_name(f)) & (AN_FN_NONDETERMINISTIC | AN_FN_UNKNOWN))) {
        *(int *)w->ctx = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

#define AGJ_MAX_CONJUNCTS 64

/* J4, J5 (the ON condition's part; the rest is mapped by the routing). */
int agj_check_on(const resolution *res, const agj_join *j, agj_stored_key_fn stored,
                 void *route, route_reason *code, char *reason, size_t size)
{
    *code = RR_JOIN_NOT_COVERED;
    json_t *on = agj_on(j), *c[AGJ_MAX_CONJUNCTS];
    int volatile_call = 0;
    ast_walker w = {.fn = find_volatile, .ctx = &volatile_call, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, on);
    if (volatile_call) {
        *code = RR_NONDETERMINISTIC;
        snprintf(reason, size, "%s", "the ON condition calls a non-deterministic or unknown "
                 "function (J5)");
        return -1;
    }
    size_t n = conjuncts(on, c, 0, AGJ_MAX_CONJUNCTS);
    if (n > AGJ_MAX_CONJUNCTS) {
        snprintf(reason, size, "%s", "the ON condition has too many conjuncts (J4)");
        return -1;
    }
    const rules_table *t = j->dim_table;
    /* Which of the dimension's declared columns the ON condition equates
     * with a fact column stored as it is. */
    unsigned char keyed[RULES_KEY_MAX] = {0};
    const char *unstored = NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *f, *lf, *rf;
        if (ast_unwrap(c[i], &f, NULL) != AST_A_Expr || !ast_str(f, "kind") ||
            strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0 ||
            json_array_size(ast_get(f, "name")) != 1 ||
            strcmp(ast_string_value(json_array_get(ast_get(f, "name"), 0)) ?
                   ast_string_value(json_array_get(ast_get(f, "name"), 0)) : "", "=") != 0)
            continue;
        json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
        if (ast_unwrap(l, &lf, NULL) != AST_ColumnRef || ast_unwrap(r, &rf, NULL) != AST_ColumnRef)
            continue;
        const rs_binding *bl = bound(res, lf), *br = bound(res, rf);
        if (!bl || !br)
            continue;
        if (bl->item == j->dim && br->item == j->fact) {
            const rs_binding *x = bl;
            bl = br;
            br = x;
            json_t *y = l;
            l = r;
            r = y;
        }
        if (bl->item != j->fact || br->item != j->dim || !br->column)
            continue;
        if (!stored(route, l)) {
            unstored = bl->column;
            continue;
        }
        rules_key_mark(t, br->column, keyed);
    }
    if (rules_key_covered(t, keyed))
        return 0;
    if (unstored) {
        snprintf(reason, size, "the ON condition's fact column %s is not stored by the aggregate "
                 "as a dimension of its own (J4)", unstored);
    } else {
        *code = RR_FAN_OUT;
        snprintf(reason, size, "the ON condition does not equate a declared unique key of %s with "
                 "fact columns (a join that may fan out; J4)", j->dim->qualified);
    }
    return -1;
}

int agj_same_column(const resolution *res, const agj_join *j, const rules_aggregate *a,
                    const an_item *fact, json_t *qf, json_t *df)
{
    json_t *dp = ast_get(df, "fields");
    const char *dq = ast_string_value(json_array_get(dp, 0));
    const char *dc = ast_string_value(json_array_get(dp, 1));
    const rs_binding *b = bound(res, qf);
    if (!b || !b->column || !dq || !dc || json_array_size(dp) != 2 ||
        strcasecmp(b->column, dc) != 0)
        return 0;
    if (strcasecmp(dq, a->fact_alias) == 0)
        return b->item == fact;
    return strcasecmp(dq, a->dim_alias) == 0 && j && b->item == j->dim &&
           j->dim->qualified && strcmp(j->dim->qualified, a->dim) == 0;
}

/* J8: every conjunct of one list equals some conjunct of the other. */
static int covers(json_t **x, size_t nx, json_t **y, size_t ny, int x_is_query,
                  agj_equiv_fn eq, void *route)
{
    for (size_t i = 0; i < nx; i++) {
        int found = 0;
        for (size_t k = 0; k < ny && !found; k++)
            found = x_is_query ? eq(route, x[i], y[k]) : eq(route, y[k], x[i]);
        if (!found)
            return 0;
    }
    return 1;
}

/* The definition's column reference as (qualifier, column), or 0. */
static int definition_column(json_t *e, const char **qual, const char **col)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *parts = ast_get(f, "fields");
    *qual = ast_string_value(json_array_get(parts, 0));
    *col = ast_string_value(json_array_get(parts, 1));
    return json_array_size(parts) == 2 && *qual && *col;
}

/* J9: is the aggregate's join lossless?  0, or -1 with why. */
static int lossless(const rules *ru, const rules_aggregate *a, char *why, size_t size)
{
    json_t *c[2], *f;
    const char *lq, *lc, *rq, *rc, *fc = NULL, *dc = NULL;
    if (conjuncts(a->join_on, c, 0, 2) != 1 || ast_unwrap(c[0], &f, NULL) != AST_A_Expr ||
        !ast_str(f, "kind") || strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0 ||
        json_array_size(ast_get(f, "name")) != 1 ||
        !ast_string_value(json_array_get(ast_get(f, "name"), 0)) ||
        strcmp(ast_string_value(json_array_get(ast_get(f, "name"), 0)), "=") != 0 ||
        !definition_column(ast_get(f, "lexpr"), &lq, &lc) ||
        !definition_column(ast_get(f, "rexpr"), &rq, &rc)) {
        snprintf(why, size, "the join is not lossless: the aggregate's ON condition is more "
                 "than one key equality (J9%s)", "");
        return -1;
    }
    if (strcasecmp(lq, a->fact_alias) == 0 && strcasecmp(rq, a->dim_alias) == 0)
        fc = lc, dc = rc;
    else if (strcasecmp(rq, a->fact_alias) == 0 && strcasecmp(lq, a->dim_alias) == 0)
        fc = rc, dc = lc;
    const rules_table *ft = rules_find_table(ru, a->source);
    const rules_column *col = NULL;
    for (size_t i = 0; fc && ft && i < ft->ncolumns && !col; i++)
        if (strcasecmp(ft->columns[i].name, fc) == 0)
            col = &ft->columns[i];
    if (!col || !col->not_null) {
        snprintf(why, size, "the join is not lossless: the fact's column %s is not declared "
                 "not_null (J9a)", fc ? fc : "?");
        return -1;
    }
    if (!col->ref_table || strcmp(col->ref_table, a->dim) != 0 ||
        strcasecmp(col->ref_column, dc) != 0 || !col->ref_total) {
        snprintf(why, size, "the join is not lossless: the fact's column %s declares no total "
                 "reference to the joined key (\"references\" with \"total\": true; J9b)", fc);
        return -1;
    }
    return 0;       /* J9c: the key is unique (rules_aggregate.c read_join) */
}

/* J7, J8 */
int agj_same_graph(const rules *ru, const agj_join *j, const rules_aggregate *a,
                   agj_equiv_fn eq, void *route, route_reason *code, char *why, size_t size)
{
    *code = RR_JOIN_NOT_COVERED;
    if (!j) {
        /* J7: the fact alone.  A LEFT JOIN on a unique key keeps every
         * source row once: its groups hold every row.  An inner join
         * drops the rows without a partner, which the query counts,
         * unless it is lossless (J9). */
        if (a->join_left)
            return 0;
        char loss[200];
        if (lossless(ru, a, loss, sizeof loss) == 0)
            return 0;
        snprintf(why, size, "the aggregate joins %s with an inner join, which drops the fact "
                 "rows that have no partner; the query reads the fact alone (J7): %s",
                 a->dim, loss);
        return -1;
    }
    if (!j->dim->qualified || strcmp(j->dim->qualified, a->dim) != 0) {
        snprintf(why, size, "the query joins another table than the aggregate's %s (J8)", a->dim);
        return -1;
    }
    const char *type = ast_str(j->join, "jointype");
    int query_left = type && strcmp(type, "JOIN_INNER") != 0;  /* J2: the fact preserved */
    char loss[200];
    if (query_left != a->join_left && lossless(ru, a, loss, sizeof loss) < 0) {
        snprintf(why, size, "the query's join type differs from the aggregate's (%s; J8): %s",
                 a->join_left ? "LEFT JOIN" : "inner join", loss);
        return -1;
    }
    json_t *qc[AGJ_MAX_CONJUNCTS], *dc[AGJ_MAX_CONJUNCTS];
    size_t nq = conjuncts(agj_on(j), qc, 0, AGJ_MAX_CONJUNCTS);
    size_t nd = conjuncts(a->join_on, dc, 0, AGJ_MAX_CONJUNCTS);
    if (nq > AGJ_MAX_CONJUNCTS || nd > AGJ_MAX_CONJUNCTS ||
        !covers(qc, nq, dc, nd, 1, eq, route) || !covers(dc, nd, qc, nq, 0, eq, route)) {
        snprintf(why, size, "the query's ON condition is not the aggregate's (up to order and "
                 "names; %s)", "J8");
        return -1;
    }
    return 0;
}

json_t *agj_from_clause(const agj_join *j, json_t *aggregate, json_t *on)
{
    json_t *fields = json_object();
    const char *k;
    json_t *v;
    json_object_foreach(j->join, k, v) {
        if (strcmp(k, "larg") == 0 || strcmp(k, "rarg") == 0 || strcmp(k, "quals") == 0)
            continue;
        json_object_set_new(fields, k, json_deep_copy(v));
    }
    const char *fact_key = j->fact_side == 0 ? "larg" : "rarg";
    const char *dim_key = j->fact_side == 0 ? "rarg" : "larg";
    json_object_set_new(fields, fact_key, aggregate);
    json_object_set_new(fields, dim_key, json_deep_copy(ast_get(j->join, dim_key)));
    if (on)
        json_object_set(fields, "quals", on);
    json_t *from = json_array();
    json_array_append_new(from, ast_new_node("JoinExpr", fields));
    return from;
}
