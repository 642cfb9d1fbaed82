/*
 * aggregate_union.c - aggregate routing past fresh_through ("stale":
 * "union" on an aggregate).  A block whose time range reaches past the
 * aggregate's fresh_through (condition 8 of aggregate_routing.c) is
 * answered from the aggregate's whole buckets up to fresh_through and
 * from the source's rows after them:
 *
 *     SELECT region, sum(amount) AS revenue
 *     FROM main.sales.transactions
 *     WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
 *     GROUP BY region
 * with revenue_by_day (transaction_date AS `day`, region, SUM(amount) AS
 * revenue ...) fresh through 2026-11-20, becomes
 *     SELECT region, sum(revenue) AS revenue
 *     FROM (SELECT `day`, region, revenue FROM main.sales.revenue_by_day
 *           WHERE `day` >= DATE '2026-11-17' AND `day` < DATE '2026-11-21'
 *           UNION ALL
 *           SELECT transaction_date AS `day`, region, SUM(amount) AS revenue
 *           FROM (SELECT * FROM main.sales.transactions
 *                 WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
 *                   AND transaction_date >= DATE '2026-11-21') AS transactions
 *           GROUP BY transaction_date, region) AS transactions
 *     GROUP BY region
 *
 * The derived table is the aggregate as it would be if it were fresh:
 * the source branch is the aggregate's own query over the rows after the
 * split.  The routed block over it is the block routing builds for a
 * fresh aggregate (every condition of aggregate_routing.c holds as it
 * does there), with its WHERE moved into the branches: mapped onto the
 * aggregate's columns in the first, as the block wrote it in the second.
 * Re-aggregation is the outer block's: SUM of sums, SUM of counts (COUNT
 * as CAST(COALESCE(SUM(c), 0) AS BIGINT), so an empty union still counts
 * 0), MIN of mins, MAX of maxes, AVG from its summed parts
 * (condition 12), COUNT(DISTINCT) of dimensions over the groups
 * (condition 13).  A block without GROUP BY returns one row whichever
 * branch is empty, as it does over the aggregate.  HAVING, ORDER BY,
 * LIMIT and the output names stay on the outer block as routing writes
 * them.
 *
 * The split S.  Let c be the time dimension's raw column, G its grain,
 * F fresh_through and E the midnight after F.  S is the first instant of
 * the G-bucket holding E: E itself at day and hour grain, the first of
 * the month holding E at month grain (F = 2026-11-15: S = 2026-11-01).
 * The aggregate branch keeps the stored groups whose time dimension is
 * before S; the source branch the rows with c >= S.
 *
 * Why the union is the fresh aggregate, group for group.  Every stored
 * group has one value t of the time dimension, t = trunc(G, c) of each
 * of its rows (or c itself).  S is a G-boundary, and trunc is monotone
 * with trunc(c) <= c < the next boundary, so t < S <=> c < S: a group's
 * rows all lie before S or all from S on.  A group before S ends at or
 * before S <= E, so all its rows are of days up to F: the aggregate holds
 * it whole (that is what fresh_through promises; a bucket past S, such
 * as the month F falls in, may hold part of its rows, and is read from
 * the source instead).  The source branch groups the rows from S on
 * exactly as the aggregate's query does.  The block's own filters are
 * applied in both: conditions 3, 5 and 9 made each conjunct either one
 * of the aggregate's own WHERE (which the source branch must apply, and
 * does) or a function of the group (the same for every row of a group,
 * so filtering rows and filtering groups agree).  So the union holds
 * exactly the groups the fresh aggregate would, filtered as the block
 * filters them, except the group of a NULL c, which neither branch
 * holds: U4 makes the block read no row with a NULL c.
 *
 * A block is answered by a union only if all of these hold; each is
 * checked here, in this order, and the first that fails is the reason
 * (code union_unsupported unless said otherwise):
 *
 *  U1. The aggregate says "stale": "union" (rules_aggregate.stale_union);
 *      else the block is refused as before (stale, condition 8).  Checked
 *      by aggregate_routing.c.
 *
 *  U2. The block reads the source alone, not joined to a dimension
 *      (join-back, aggregate_joins.c): the block's WHERE may read the
 *      dimension, which the source branch does not join.
 *
 *  U3. The time dimension is the source's column c itself, or
 *      date_trunc(G, c) or trunc(c, G), and the rules declare c DATE,
 *      TIMESTAMP_NTZ or TIMESTAMP (tables[].columns).  The split compares
 *      c with a DATE, which Spark reads as the midnight of that day: a
 *      DATE widens to TIMESTAMP_NTZ without a zone, and to TIMESTAMP
 *      (TIMESTAMP_LTZ) at midnight in the session time zone.  So for a
 *      TIMESTAMP the request's time zone must be the aggregate's
 *      (time_zone_unknown, time_zone_mismatch otherwise): then the
 *      stored buckets were cut on the same wall clock the split and the
 *      source branch's date_trunc read, fresh_through's days are that
 *      clock's days, and S is one of its bucket boundaries.  (Daylight
 *      saving changes do not matter here: a midnight is a boundary of
 *      every grain's buckets on that clock; bounds translated by value
 *      onto the stored buckets are condition 9's, which asks for a zone
 *      without them.)
 *
 *  U4. The block's filters bound c, or the time dimension, by a
 *      comparison with a constant (an upper or a lower bound that
 *      reaches the scan, analyze_range.h): no row with a NULL c is read.
 *
 *  U5. The block may read rows before S: its lower bound on c, if any,
 *      is before S.  Otherwise the aggregate answers none of it, and the
 *      block is refused (stale): it runs on the source as written.
 *
 * The source branch reads the source through a derived table (SELECT *
 * FROM <the block's scan> WHERE ...): its aggregating block then reads no
 * table routing answers, so the routed query, routed again, stays as it
 * is (another aggregate could otherwise take that branch on a second
 * pass).
 *
 *  U6. The aggregate's query reads its source alone (not an aggregate
 *      over a join), and names its columns unqualified or qualified by
 *      that one FROM item (its alias, or the table's name):
 *      the source branch reads them unqualified under the block's FROM
 *      item, where they are the same columns.
 *
 * The source branch is a scan like any other: partition-filter (which
 * runs after routing) judges its window, which the block's bounds and
 * the split give.  Its cost is a scan of the source for the days from S
 * to the block's upper bound only.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "aggregate_union.h"
#include "analyze_range.h"
#include "arena.h"
#include "ast.h"
#include "ast_edit.h"
#include "dates.h"

int agu_fresh_through(const check_ctx *ctx, const rules_aggregate *a, long *day)
{
    size_t i = (size_t)(a - ctx->rules->aggregates);
    if (ctx->fresh_through && i < ctx->rules->naggregates &&
        ctx->fresh_through[i] != CHECK_NO_FRESH_THROUGH) {
        *day = ctx->fresh_through[i];
        return 1;
    }
    *day = a->fresh_through;
    return a->has_fresh;
}

static int fail(route_reason *code, route_reason c, char *why, size_t n, const char *msg,
                const char *arg)
{
    *code = c;
    snprintf(why, n, msg, arg ? arg : "");
    return -1;
}

/* The last part of a column reference, NULL if not a plain one. */
static const char *column_name(json_t *fields)
{
    json_t *parts = ast_get(fields, "fields");
    return ast_string_value(json_array_get(parts, json_array_size(parts) - 1));
}

/* U3: the time dimension's raw column (a ColumnRef node of the
 * aggregate's query), NULL if it is not c or a truncation of c. */
static json_t *raw_column(const rules_dimension *td)
{
    json_t *x = NULL;
    if (ast_unwrap(td->expr, NULL, NULL) == AST_ColumnRef)
        return td->expr;
    if (an_trunc_call(td->expr, NULL, &x) == AN_TRUNC_NONE)
        return NULL;
    return ast_unwrap(x, NULL, NULL) == AST_ColumnRef ? x : NULL;
}

/* The first instant of the bucket of grain g holding the midnight after
 * day f (the split S). */
static long long split_of(long f, int g)
{
    if (g == RULES_GRAIN_HOUR || g == RULES_GRAIN_NONE)
        return ((long long)f + 1) * DATES_US_PER_DAY;
    return (long long)dates_trunc(f + 1, g) * DATES_US_PER_DAY;
}

/* U4, U5: does a filter of the block bound c (or the time dimension td),
 * and from which instant on may its rows lie (*lo, LLONG_MIN: no lower
 * bound)?  A lower bound on trunc(G, c) is one on c: c >= trunc(G, c). */
static int time_bounded(const agu_block *b, const char *col, int type, long long *lo)
{
    const rules_dimension *td = &b->agg->dims[b->agg->time_dim];
    an_clock clock = {b->ctx->now_days, b->ctx->now_seconds, b->ctx->clock_unknown};
    an_bound bd;
    int bounded = 0;
    *lo = LLONG_MIN;
    if (an_range_bounds(&clock, check_resolution(b->ctx), b->item, col, &bd) == 0 &&
        (bd.has_lo || bd.has_hi)) {
        bounded = 1;
        if (bd.has_lo)
            *lo = bd.lo;
    }
    for (size_t i = 0; i < b->blk->nwhere; i++) {
        json_t *f, *lf;
        if (ast_unwrap(b->blk->where[i], &f, NULL) != AST_A_Expr)
            continue;
        const char *kind = ast_str(f, "kind");
        const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
        json_t *l = ast_get(f, "lexpr"), *rx = ast_get(f, "rexpr");
        int ok;
        if (kind && strcmp(kind, "AEXPR_OP") == 0 && op && b->equiv(b->rt, l, td->expr))
            ok = an_comparison_bound(&clock, op, rx, 1, &bd) == 0;
        else if (kind && strcmp(kind, "AEXPR_OP") == 0 && op && b->equiv(b->rt, rx, td->expr))
            ok = an_comparison_bound(&clock, op, l, 0, &bd) == 0;
        else if (kind && strcmp(kind, "AEXPR_BETWEEN") == 0 && b->equiv(b->rt, l, td->expr)) {
            json_t *items = ast_unwrap(rx, &lf, NULL) == AST_List ? ast_get(lf, "items") : rx;
            an_bound hi;
            ok = json_array_size(items) == 2 &&
                 an_comparison_bound(&clock, ">=", json_array_get(items, 0), 1, &bd) == 0 &&
                 an_comparison_bound(&clock, "<=", json_array_get(items, 1), 1, &hi) == 0;
        } else {
            continue;
        }
        if (!ok || (!bd.has_lo && !bd.has_hi))
            continue;
        bounded = 1;
        if (bd.has_lo && bd.lo > *lo)
            *lo = bd.lo;
    }
    /* A DATE holds midnights only: c >= lo is c >= the first at or after lo. */
    if (type == AGU_TYPE_DATE && *lo != LLONG_MIN) {
        long long d = (long long)dates_day_of_us(*lo) * DATES_US_PER_DAY;
        if (d != *lo)
            *lo = d + DATES_US_PER_DAY;
    }
    return bounded;
}

/* ---- U6: the aggregate's query under the block's FROM item ---------- */

typedef struct qual_walk {
    json_t *from;           /* the aggregate query's FROM item (RangeVar fields) */
    int bad;
} qual_walk;

/* Does the qualifier parts[0..n) name the FROM item: its alias, or (no
 * alias) the last n parts of its name as written? */
static int names_item(json_t *rv, json_t *parts, size_t n)
{
    const char *alias = json_string_value(ast_get(ast_get(rv, "alias"), "aliasname"));
    if (alias)
        return n == 1 && strcasecmp(ast_string_value(json_array_get(parts, 0)), alias) == 0;
    const char *name[3] = {json_string_value(ast_get(rv, "catalogname")),
                           json_string_value(ast_get(rv, "schemaname")),
                           json_string_value(ast_get(rv, "relname"))};
    if (n > 3)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const char *want = name[3 - n + i], *got = ast_string_value(json_array_get(parts, i));
        if (!want || !got || strcasecmp(want, got) != 0)
            return 0;
    }
    return 1;
}

static ast_walk_rc unqualify(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    qual_walk *q = w->ctx;
    (void)node;
    if (k != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    json_t *parts = ast_get(f, "fields");
    size_t n = json_array_size(parts);
    if (n < 2)
        return AST_WALK_PRUNE;
    if (!column_name(f) || !names_item(q->from, parts, n - 1)) {
        q->bad = 1;
        return AST_WALK_ABORT;
    }
    json_t *last = json_incref(json_array_get(parts, n - 1));
    json_t *one = json_array();
    json_array_append_new(one, last);
    json_object_set_new(f, "fields", one);
    return AST_WALK_PRUNE;
}

/* A copy of e (a part of the aggregate's query) without locations (they
 * are offsets into the rules file, not the request) and with its column
 * references unqualified; NULL (U6) when one is qualified by anything
 * but the query's FROM item. */
static json_t *unqualified_copy(const rules_aggregate *a, json_t *e)
{
    json_t *sel = ast_get(a->statement, "SelectStmt");
    json_t *rv = NULL, *from = ast_get(sel, "fromClause");
    if (json_array_size(from) != 1 ||
        ast_unwrap(json_array_get(from, 0), &rv, NULL) != AST_RangeVar)
        return NULL;        /* an aggregate over a join: its query reads more */
    json_t *copy = ast_without_locations(e);
    qual_walk q = {rv, 0};
    ast_walker w = {.fn = unqualify, .ctx = &q, .max_depth = AST_WALK_UNLIMITED};
    ast_walk(&w, copy);
    if (q.bad || !rv) {
        arena_json_release(copy);
        return NULL;
    }
    return copy;
}

/* The block's FROM item that is its scan of the source (the node, kind
 * and fields), NULL unless it is the block's one FROM item. */
static json_t *scan_item(const agu_block *b)
{
    json_t *from = ast_get(b->blk->select, "fromClause"), *f;
    json_t *item = json_array_get(from, 0);
    if (json_array_size(from) != 1 || ast_unwrap(item, &f, NULL) != AST_RangeVar ||
        f != b->item->node)
        return NULL;
    return item;
}

int agu_decide(const agu_block *b, agu_split *out, route_reason *code, char *why, size_t n)
{
    const rules_aggregate *a = b->agg;
    const rules_dimension *td = &a->dims[a->time_dim];
    memset(out, 0, sizeof *out);
    /* U2 */
    if (b->joined || !scan_item(b))
        return fail(code, RR_UNION_UNSUPPORTED, why, n, "the block joins %s to a dimension: "
                    "a union with its newest rows is not built over a join (U2)", a->source);
    /* U3 */
    json_t *raw = raw_column(td), *rf;
    const char *col = raw && ast_unwrap(raw, &rf, NULL) == AST_ColumnRef ? column_name(rf) : NULL;
    if (!col)
        return fail(code, RR_UNION_UNSUPPORTED, why, n, "the time dimension %s is neither a "
                    "column nor a date_trunc / trunc of one (U3)", td->name);
    int type = b->column_type(b->rt, col);
    if (type != AGU_TYPE_DATE && type != AGU_TYPE_TIMESTAMP_NTZ && type != AGU_TYPE_TIMESTAMP_LTZ)
        return fail(code, RR_UNION_UNSUPPORTED, why, n, "%s is not declared DATE, TIMESTAMP or "
                    "TIMESTAMP_NTZ (tables[].columns): where its days split is not known (U3)",
                    col);
    if (type == AGU_TYPE_TIMESTAMP_LTZ && b->zone == AGU_ZONE_UNKNOWN)
        return fail(code, RR_TIME_ZONE_UNKNOWN, why, n, "%s is a TIMESTAMP: its days split at "
                    "midnight in the session time zone, which the request does not give (context "
                    "time_zone; U3)", col);
    if (type == AGU_TYPE_TIMESTAMP_LTZ && b->zone != AGU_ZONE_SAME)
        return fail(code, RR_TIME_ZONE_MISMATCH, why, n, "%s is a TIMESTAMP: its days split at "
                    "midnight in the session time zone, which is not the aggregate's (U3)", col);
    /* U4 */
    long long lo;
    if (!time_bounded(b, col, type, &lo))
        return fail(code, RR_UNION_UNSUPPORTED, why, n, "the block does not bound %s: its rows "
                    "with a NULL time, which the aggregate's stored group holds only up to "
                    "fresh_through, would be dropped (U4)", col);
    /* U5 */
    long long s = split_of(b->fresh_through, td->grain);
    if (lo != LLONG_MIN && lo >= s)
        return fail(code, RR_STALE, why, n, "the block reads only rows after the last whole "
                    "bucket of %s before fresh_through: the aggregate answers none of them (U5)",
                    a->table_written);
    /* U6 */
    json_t *sel = ast_get(a->statement, "SelectStmt");
    json_t *probe = unqualified_copy(a, ast_get(sel, "targetList"));
    json_t *probe2 = probe ? unqualified_copy(a, ast_get(sel, "groupClause")) : NULL;
    int ok = probe && probe2;
    arena_json_release(probe);
    arena_json_release(probe2);
    if (!ok)
        return fail(code, RR_UNION_UNSUPPORTED, why, n, "the query of %s reads more than its "
                    "source, or names a column through a qualifier other than its table's: it "
                    "cannot be run under the block's FROM item (U6)", a->table_written);
    out->on = 1;
    out->split_us = s;
    return 0;
}

/* DATE 'yyyy-mm-dd' of the midnight us. */
static json_t *date_literal(long long us)
{
    long y;
    unsigned m, d;
    dates_to_civil(dates_day_of_us(us), &y, &m, &d);
    char text[32];
    snprintf(text, sizeof text, "%04ld-%02u-%02u", y, m, d);
    return ast_new_typed_literal("date", text);
}

/* The table name as written, split into its three parts (rules.c checked
 * it is catalog.schema.table). */
static json_t *aggregate_table(const rules_aggregate *a)
{
    char parts[3][256];
    const char *t = a->table_written;
    for (int i = 0; i < 3; i++) {
        const char *dot = i < 2 ? strchr(t, '.') : t + strlen(t);
        if (!dot)
            dot = t + strlen(t);
        snprintf(parts[i], sizeof parts[i], "%.*s", (int)(dot - t), t);
        t = *dot ? dot + 1 : dot;
    }
    return ast_new_range_var(parts[0], parts[1], parts[2], NULL);
}

/* The aggregate's output name of its query's select item val (a
 * dimension's or, in order, a measure's). */
static const char *output_name(const rules_aggregate *a, json_t *val, size_t *measure)
{
    for (size_t k = 0; k < a->ndims; k++)
        if (a->dims[k].expr == val)
            return a->dims[k].name;
    return *measure < a->nmeasures ? a->measures[(*measure)++].name : NULL;
}

json_t *agu_union_item(const agu_block *b, const agu_split *s, json_t *where, json_t *block_where,
                       const char *alias)
{
    const rules_aggregate *a = b->agg;
    json_t *def = ast_get(a->statement, "SelectStmt");
    /* The aggregate branch: its columns in the order of its query's
     * select list, so that the branches line up by position. */
    json_t *cols = json_array(), *t, *tf;
    size_t i, measure = 0;
    json_array_foreach(ast_get(def, "targetList"), i, t) {
        ast_unwrap(t, &tf, NULL);
        const char *name = output_name(a, ast_get(tf, "val"), &measure);
        json_array_append_new(cols, ast_new_res_target(NULL, ast_new_column_ref(NULL, name)));
    }
    json_t *from = json_array();
    json_array_append_new(from, aggregate_table(a));
    json_t *stored = ast_new_select(cols, from);
    json_t *sf = ast_get(stored, "SelectStmt");
    if (where && !json_is_null(where))
        ast_and_into(sf, "whereClause", json_deep_copy(where));
    ast_and_into(sf, "whereClause",
                 ast_new_binary_op("<", ast_new_column_ref(NULL, a->dims[a->time_dim].name),
                                   date_literal(s->split_us)));
    /* The source branch: the aggregate's query over the block's scan, with
     * the block's WHERE and the split, the scan read through a derived
     * table (so that routing never takes this branch for a block over the
     * source: the routed query, routed again, stays as it is). */
    json_t *from2 = json_array();
    json_array_append_new(from2, json_deep_copy(scan_item(b)));
    json_t *stars = json_array();
    json_array_append_new(stars, ast_new_star_target());
    json_t *rows = ast_new_select(stars, from2);
    json_t *rf2 = ast_get(rows, "SelectStmt");
    if (block_where)
        json_object_set_new(rf2, "whereClause", json_deep_copy(block_where));
    json_t *raw = raw_column(&a->dims[a->time_dim]), *rf;
    ast_unwrap(raw, &rf, NULL);
    ast_and_into(rf2, "whereClause",
                 ast_new_binary_op(">=", ast_new_column_ref(NULL, column_name(rf)),
                                   date_literal(s->split_us)));
    json_t *ral = json_object();
    json_object_set_new(ral, "aliasname", json_string(alias));
    json_t *from3 = json_array();
    json_array_append_new(from3, ast_new_derived_table(rows, ral));
    json_t *fresh = ast_new_select(unqualified_copy(a, ast_get(def, "targetList")), from3);
    json_object_set_new(ast_get(fresh, "SelectStmt"), "groupClause",
                        unqualified_copy(a, ast_get(def, "groupClause")));
    json_t *al = json_object();
    json_object_set_new(al, "aliasname", json_string(alias));
    return ast_new_derived_table(ast_new_union_all(stored, fresh), al);
}

void agu_describe(const agu_block *b, const agu_split *s, char *buf, size_t n)
{
    long y;
    unsigned m, d;
    dates_to_civil(dates_day_of_us(s->split_us), &y, &m, &d);
    snprintf(buf, n, " and %s from %04ld-%02u-%02u on (stale: union)", b->agg->source, y, m, d);
}
