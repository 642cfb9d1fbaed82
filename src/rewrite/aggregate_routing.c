/*
 * aggregate_routing.c - rule "aggregate-routing": a query block that
 * aggregates a fact table is answered from a pre-computed aggregate
 * table when, and only when, that returns the same rows.
 *
 *     SELECT region, sum(amount) AS revenue
 *     FROM main.sales.transactions
 *     WHERE transaction_date >= DATE '2026-11-01'
 *     GROUP BY region
 * becomes, with revenue_by_day_region built by
 *     SELECT transaction_date AS `date`, region, SUM(amount) AS revenue, ...
 *     FROM main.sales.transactions GROUP BY transaction_date, region
 * the query
 *     SELECT region, sum(revenue) AS revenue
 *     FROM main.sales.revenue_by_day_region AS transactions
 *     WHERE `date` >= DATE '2026-11-01'
 *     GROUP BY region
 *
 * The unit is one SELECT block wherever it is (top level, CTE, derived
 * table, series-limit subquery, UNION branch).  It is routed onto an
 * aggregate only if all of these hold; each is checked in this file, in
 * this order, and the first that fails is the reason given:
 *
 *  1. The block reads the aggregate's source table and nothing else (one
 *     FROM item, no joins), and it aggregates (GROUP BY, or aggregate
 *     calls without GROUP BY, or SELECT DISTINCT: condition 15).  Another
 *     FROM item could multiply or drop
 *     rows in ways the stored groups do not record.  One exception: the
 *     source joined to one dimension table on a unique key the aggregate
 *     stores (join-back), under conditions J1-J6 of aggregate_joins.c;
 *     and an aggregate over that join answers the same join (J7, J8).
 *
 *  2. No window function, QUALIFY,
 *     generator, non-deterministic call, subquery, SORT / DISTRIBUTE /
 *     CLUSTER BY, or column of an outer query in the block.  Each of these
 *     sees individual rows or row order, which the aggregate no longer
 *     has.  No function outside Spark's registry (analyze_pred.c: a UDF,
 *     a newer built-in): it could be any of these, or an aggregate.
 *
 *  3. Every expression the block evaluates per row (GROUP BY keys, WHERE
 *     conjuncts, and the parts of select-list, HAVING and ORDER BY
 *     expressions outside aggregate calls) is built from dimensions only:
 *     each column reference is inside a subexpression equal to a
 *     dimension's expression (`upper(region)` over the dimension
 *     `region`, `date_trunc('month', transaction_date)` over the dimension
 *     `transaction_date`).  Such an expression has one value per stored
 *     group, so grouping and filtering the groups is grouping and
 *     filtering the rows.  A GROUP BY key resolved through a select-list
 *     alias is not used (Spark may read it as a column instead).
 *     (Equal: condition 11.)
 *
 *  4. A time dimension stored at a grain (date_trunc('day', ts)) serves a
 *     coarser date_trunc of the same expression only along exact unions
 *     of buckets: hour to day, week, month, quarter, year; day to week,
 *     month, quarter, year; month to quarter, year; quarter to year.
 *     Never week to month (weeks straddle months).  A bound on the raw
 *     column is not a bound on the truncated dimension: it fails
 *     condition 3 unless condition 9 translates it.
 *
 *  5. The aggregate's own WHERE is implied: each of its conjuncts is
 *     implied by the block's WHERE conjuncts (analyze_norm.c,
 *     an_norm_implies): equal to one of them (condition 11), or x IS NOT
 *     NULL by a comparison (not <=>), IN, BETWEEN or LIKE of x, or x IN
 *     (v, ...) / x = v by an IN or = whose values are all among the v
 *     (literals of the class of x's declared type), or x <> v / x NOT IN
 *     (v, ...) by an IN or = whose values all differ from every v
 *     (strings by their bytes, Spark's default collation UTF8_BINARY: a
 *     column declared with another COLLATE has no class; numbers when
 *     both are integer literals), or x op v / x BETWEEN
 *     v AND w on a column declared DATE or TIMESTAMP_NTZ by the window the
 *     block's conjuncts on x together allow (analyze_range.c's bounds;
 *     literals only: a value read from the clock moves).  A block
 *     conjunct equal to one of the aggregate's is dropped from the routed
 *     block, since every stored group already satisfies it; one that only
 *     implies it is kept, and like every other conjunct must be answered
 *     from dimensions (condition 3) or translated (condition 9): the
 *     stored groups hold more than it lets through.  Refused
 *     (filter_not_implied): an OR, <=>, an IN list not inside the
 *     aggregate's, a range that starts before or ends after the
 *     aggregate's or has no end on that side, a bound read from the clock.
 *
 *  6. Every aggregate call is answered from stored measures:
 *     SUM(e) from a stored SUM(e), MIN(e) / MAX(e) from a stored MIN(e) /
 *     MAX(e) or from a dimension e; COUNT(*) from a stored COUNT(*), and
 *     COUNT(e) from a stored COUNT(e), as CAST(COALESCE(SUM(c), 0) AS
 *     BIGINT) so that an empty global aggregate still returns 0, typed as
 *     COUNT is; COUNT(DISTINCT e) where e is built from dimensions; AVG,
 *     count_if and the other DISTINCT aggregates by conditions 12 and 13.
 *     Not: SUM(e) from anything else (a stored SUM(price*qty) is not
 *     SUM(price)*SUM(qty)), FILTER, ordered aggregates, or any other
 *     function.
 *
 *  7. The output columns keep their names and order: every select-list
 *     entry whose expression changes has an alias, or is a column
 *     reference (whose name becomes its alias), or the block is an IN /
 *     EXISTS / scalar subquery, whose column names are not visible.
 *     SELECT * is not routed.
 *
 *  8. If the aggregate declares fresh_through, the block's WHERE bounds
 *     the time dimension's column from above at or before that day;
 *     otherwise the query could ask for days the table does not hold yet.
 *     A bound on the raw column c of a dimension date_trunc(G, c) counts,
 *     with the G-bucket holding its last value counted whole.
 *
 *  9. A WHERE conjunct on the raw column c of a dimension date_trunc(G, c)
 *     (Superset filters the raw column and groups by the truncation) is
 *     answered from that dimension when every end of the window it allows
 *     c falls on a G-bucket boundary:
 *         c >= DATE '2026-01-01'  ->  month >= DATE '2026-01-01'
 *         c <  DATE '2026-11-01'  ->  month <  DATE '2026-11-01'
 *         c <= DATE '2026-10-31'  ->  month <  DATE '2026-11-01' (c a DATE)
 *         c BETWEEN a AND b       ->  month >= a AND month < b + 1 day
 *         c = v, c IN (v, ...)    ->  day = v, day IN (...): each v one
 *                                     whole bucket (a DATE at day grain)
 *     Why it holds: date_trunc is monotone and date_trunc(G, c) <= c, so
 *     for a boundary x, c >= x <=> date_trunc(G, c) >= x and c < x <=>
 *     date_trunc(G, c) < x; a window with both ends on boundaries is a
 *     union of whole buckets.  The window is computed as Spark reads the
 *     comparison: a string is cast to the column's type (a DATE column
 *     reads '2026-01-01 10:00' as 2026-01-01), a DATE column holds only
 *     midnights (c > DATE 'x' is c >= x + 1 day, c < TIMESTAMP 'x 10:00'
 *     is c < x + 1 day), <= v is < v + 1 microsecond; relative bounds
 *     (current_date() - INTERVAL 90 DAYS, date_trunc('MM', now())) are
 *     evaluated against the request's clock (analyze_range.h, an_eval_date)
 *     and the routed condition holds that boundary as a constant.  Weeks
 *     start on Monday (Spark's DateTimeUtils.truncTimestamp for 'week').
 *     Refused, for that aggregate (a finer one may still serve): an end
 *     that cuts a bucket, an equality or IN value that is not one whole
 *     bucket, a value sluice does not evaluate exactly, any other
 *     condition on c (<>, NOT BETWEEN, functions of c), and a column whose
 *     declared type is neither DATE nor TIMESTAMP_NTZ.  It needs the
 *     column's type from the rules (tables[].columns): without it the
 *     conjunct is left to condition 3, which refuses it.  When the
 *     aggregate also stores c itself, the bound maps onto c (condition 3);
 *     among several truncations of c the finest is used.
 *
 * 10. Time zones.  A dimension that applies a function to a column
 *     declared TIMESTAMP (Spark's TIMESTAMP_LTZ, the default TIMESTAMP):
 *     date_trunc('day', ts), trunc(ts, 'MM'), is computed in the session
 *     time zone (DateTimeUtils.truncTimestamp reads the instant in the
 *     zone), so its stored values are those of the zone the aggregate was
 *     built in: its "time_zone" (default UTC).  Such a dimension is used
 *     (conditions 3, 4, 9) only when the request's time_zone (the request
 *     context; the Superset mutator passes the database's
 *     spark.sql.session.timeZone) is that zone.  Refused: a request
 *     without one (time_zone_unknown), another zone (time_zone_mismatch).
 *     A bound on the raw TIMESTAMP column (condition 9) is translated
 *     only when, besides, the zone has no daylight-saving changes (UTC,
 *     GMT, Z or a fixed +hh:mm offset): the window arithmetic is on the
 *     wall clock, which in such a zone is the instant plus a constant;
 *     elsewhere a wall-clock hour may not exist or occur twice
 *     (time_zone_not_fixed).  A DATE (calendar days; its date_trunc is the
 *     midnight of the bucket's first day, read in the same zone as the
 *     DATE constant the routed condition compares it with) or a
 *     TIMESTAMP_NTZ (wall-clock values, no zone) needs no zone.
 *
 * 11. "Equal" above means equal to Spark, not as written
 *     (analyze_norm.c, an_norm_equal): function names and date_trunc /
 *     trunc units in any case and with Spark's synonyms ('MM', 'MON',
 *     'DD', 'YYYY', 'YY'), count(1) (COUNT of any non-NULL literal) as
 *     count(*), the two operands of one + or * in either order, a
 *     comparison mirrored ('paid' = status), x IN (v) as x = v where x's
 *     declared type is of v's class (a string column and a string, a
 *     number and a number), and interval literals by value and type
 *     (INTERVAL 2 HOURS, INTERVAL '2' HOUR, INTERVAL '2 hours').
 *     trunc(x, 'MM') (a DATE) is a time dimension at its grain as
 *     date_trunc is, and rolls up alike (condition 4).  Not equal, so
 *     refused: a unit finer than the stored grain or no level at all
 *     ('months', trunc's 'DD', which is NULL), count(NULL), a - b against
 *     b - a, a chain regrouped (a * (b * 1)), a string IN against a
 *     numeric column (IN and = coerce differently), IN of two values
 *     against one, NOT IN, and INTERVAL 120 MINUTES against INTERVAL 2
 *     HOURS (another type: date + interval reads them differently).
 *
 * 12. AVG(e) (and its alias mean) is answered from a stored SUM(e) and
 *     COUNT(e) of the same expression, with the type and value of Spark's
 *     Average (aggregate/Average.scala: resultType, sumDataType,
 *     evaluateExpression), which depend on e's type: e is a column of the
 *     source whose type the rules declare (tables[].columns) or a CAST,
 *     else refused (the type is unknown).
 *       integral or floating e (TINYINT .. BIGINT, FLOAT, DOUBLE): DOUBLE,
 *         sum(CAST(s AS DOUBLE)) / NULLIF(sum(c), 0).  Average sums the
 *         values as DOUBLE and divides by the count as DOUBLE, NULL when
 *         the count is 0 (Divide in LEGACY mode); NULLIF gives that NULL
 *         in ANSI mode too, where x / 0 fails.  The stored sums are
 *         summed as DOUBLE, so no BIGINT overflow that Average would not
 *         have; sums of DOUBLE, there as in Average, are exact while the
 *         partial sums are (integers below 2^53).
 *       DECIMAL(p, s): DECIMAL(p + 4, s + 4) (bounded to 38),
 *         CAST(CAST(sum(s) AS DECIMAL(p + 10, s)) / NULLIF(sum(c), 0)
 *              AS DECIMAL(p + 4, s + 4)):
 *         the sum held as Average holds it (DECIMAL(p + 10, s), which
 *         overflows where Average's does), divided as Spark's Divide
 *         types DECIMAL(p + 10, s) / DECIMAL(20, 0) (a BIGINT count), at
 *         scale d (divide_scale), then rounded half up to s + 4.  Average
 *         (Spark 3.3+: DecimalDivideWithOverflowCheck) rounds the quotient
 *         once to s + 4; rounding first at d changes that only for a
 *         quotient within 10^-d of a half at s + 4, which needs a group of
 *         10^(d - s - 4) / 2 rows or more.  So it is routed only when the
 *         source's tables entry declares fewer rows than that (DECIMAL(12,
 *         2): d = 18, under 5 * 10^11 rows), and refused when d < s + 4.
 *         (Spark 3.2 and before evaluate Average as this same division.)
 *
 * 13. count_if(p) with p built from dimensions is the stored COUNT(*) of
 *     the groups where p holds: CAST(COALESCE(SUM(CASE WHEN p THEN cnt
 *     END), 0) AS BIGINT), BIGINT as count_if is, 0 over no rows.
 *     F(DISTINCT e) for F one of COUNT, SUM, AVG, MEAN, MIN, MAX (their
 *     value depends on the set of distinct values only) with e built from
 *     dimensions is F(DISTINCT e) over the groups: the groups hold every
 *     value e takes on the rows, and no other.  DISTINCT in any other
 *     function is refused.
 *
 * 14. GROUPING SETS, ROLLUP, CUBE (WITH ROLLUP / WITH CUBE too) keep their
 *     sets over the aggregate: every key of every set is built from
 *     dimensions (condition 3, each key of a set (a, b) on its own), so
 *     each set's groups are unions of stored groups and re-aggregating
 *     them answers SUM, MIN, MAX, COUNT as a sum, AVG from its parts and
 *     COUNT / aggregates of DISTINCT dimensions as for a plain GROUP BY.
 *     The clause is mapped element by element in place: the sets, their
 *     order and the order of their keys are as written, so grouping(k)
 *     and grouping_id(k, ...) (their arguments mapped as the keys are;
 *     grouping_id's bits follow the order of its arguments, or of the
 *     GROUP BY keys without arguments: Spark's GroupingID) keep their
 *     values.  Refused: a constant inside a grouping set, and two keys
 *     that differ mapped onto one column (Spark would read them as one
 *     key, and the bits would move).  GROUPING() outside grouping sets
 *     stays refused (condition 2).
 *
 * 15. Stored groups exist only where source rows do, so grouping them
 *     again is grouping the rows; SELECT DISTINCT e, ... over the source
 *     without GROUP BY or aggregate calls is such a grouping (Spark's
 *     ReplaceDistinctWithAggregate makes it GROUP BY e, ...) and is routed
 *     as SELECT DISTINCT of the mapped expressions over the aggregate,
 *     under conditions 3-11 (the aggregate's WHERE implied, so it is not
 *     narrower than the block's; aggregates have no HAVING, rules_
 *     aggregate.c).  Refused: an aggregate without GROUP BY when the
 *     block groups (GROUP BY, grouping sets, or SELECT DISTINCT without
 *     aggregates): its one row exists even where no source row does, and
 *     GROUP BY 'x' over no rows is no row; SELECT DISTINCT without
 *     aggregates over a join (join-back), or with HAVING.
 *
 * 16. A field of the time that a stored truncation determines is read
 *     from it: f(x) with the aggregate storing date_trunc(G, x) (or
 *     trunc(x, G)) is f(stored column) when f is constant within every
 *     G-bucket, that is when G-buckets lie inside the buckets f is
 *     constant on (extractions[], the rule of condition 4): hour from an
 *     hour; date, to_date, day, dayofmonth, dayofweek (1 = Sunday),
 *     weekday (0 = Monday), dayofyear from a day or an hour; weekofyear
 *     (ISO weeks, which start on Monday as date_trunc's do) from a week,
 *     day or hour; month from a month, day or hour; quarter and year
 *     likewise (never from a week).  x must be a column of the source
 *     with a declared type (undeclared: type_unknown): a DATE or a
 *     TIMESTAMP_NTZ, or a TIMESTAMP under condition 10 (the request's
 *     time zone is the aggregate's, so the stored truncation and the
 *     field are read in one zone: time_zone_unknown, time_zone_mismatch
 *     otherwise); another type: column_type_unsupported.  Refused,
 *     grain_too_coarse:
 *     a field finer than the stored grain (hour from a day, dayofmonth
 *     from a month, month from a week).  An x that is itself built from
 *     dimensions maps as any expression does (condition 3).
 *
 * 17. COUNT(DISTINCT e), e not built from dimensions, is read from a
 *     stored COUNT(DISTINCT e) when the block's groups are the stored
 *     groups: every dimension of the aggregate is a GROUP BY key (the
 *     other keys are built from dimensions, condition 3, so each block
 *     group is one stored group), no grouping sets and no join; the
 *     filters, built from dimensions, keep or drop whole groups.  Routed
 *     as CAST(COALESCE(SUM(n), 0) AS BIGINT) (one row per group; 0 over
 *     no rows, as COUNT is).  Refused, distinct_count_regrouped:
 *     coarser groups (a dimension not grouped by, grouping sets), or a
 *     join.
 *
 * An aggregate with "enforce": "warn" that qualifies is reported (a
 * warning: the query could be answered from it) and the next candidate
 * is still tried; the block is routed onto the first "rewrite" one that
 * qualifies.
 *
 * ORDER BY, HAVING, LIMIT, OFFSET, DISTINCT and hints are kept; the
 * aggregate table takes the block's alias (or the source's name), so
 * qualified names in hints still resolve.  Among several aggregates that
 * qualify, one that answers without a union (aggregate_union.c) wins over
 * one that needs it, then the one with the fewest rows (the "rows" of its
 * tables entry), then the one with fewer dimensions, then file order.
 *
 * No block is routed whose scan of the source the rules' row filters
 * restrict for the request's user (rls_not_covered): the aggregate holds
 * every user's groups, and sluice does not apply the filter to it
 * (row_filter.c runs first and makes the scan a derived table; this
 * refusal names the reason).
 *
 * Every refusal names one reason code of route_reasons.h (refuse()); the
 * diagnostics carry it (sl_diagnostic.code), and a routed one also the
 * estimated rows saved (rows_saved()).  docs/routing-reasons.md lists them.
 *
 * Must-route (judge_miss()): a table whose tables entry says "on_miss":
 * "warn" or "reject" gets a warning or a rejection for every block that
 * aggregates its rows (reading it directly, or through subqueries and
 * CTEs that do not aggregate) and is left reading it, listing each
 * candidate aggregate with its reason code.  Judged on the analysis
 * routing reads; a statement the analysis cannot describe fails closed.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aggregate_joins.h"
#include "aggregate_union.h"
#include "analyze.h"
#include "analyze_range.h"
#include "arena.h"
#include "ast.h"
#include "ast_edit.h"
#include "dates.h"
#include "emit.h"
#include "rewrite.h"
#include "route_reasons.h"

typedef struct route {
    check_ctx *ctx;
    const rules_aggregate *agg;
    an_block *blk;
    an_item *item;
    int build;              /* 0: only decide (no trees are built; success is
                               json_null()), 1: build the routed clauses */
    char reason[240];
    route_reason code;      /* the reason's row of route_reasons.h */
    const agj_join *join;   /* the block joins the fact to a dimension
                               (aggregate_joins.c), else NULL */
    const char *qual;       /* with a join: the qualifier of the aggregate's
                               columns in the routed block, else NULL */
    agu_split uni;          /* past fresh_through, "stale": "union": where the
                               union splits (aggregate_union.c) */
} route;

/* Record why the candidate is refused: the first refusal stands.  Every
 * refusal names its code (route_reasons.h). */
static int refuse(route *r, route_reason code, const char *fmt, const char *arg)
{
    if (!r->reason[0]) {
        snprintf(r->reason, sizeof r->reason, fmt, arg ? arg : "");
        r->code = code;
    }
    return -1;
}

/* ---- expressions: equality up to the table's qualifier ------------- */


/* The last part of a column reference, NULL if not a plain one. */
static const char *column_name(json_t *fields)
{
    json_t *parts = ast_get(fields, "fields");
    return ast_string_value(json_array_get(parts, json_array_size(parts) - 1));
}

/* Is a column reference of the block a column of the source item?  Its
 * binding (resolve.h) says: a column of the item itself, not an alias, a
 * lambda variable, an outer query's or another item's column, a struct
 * field, nor a USING column (which may be the other side's value), and
 * never an ambiguous or unresolved name.  known: a column the aggregate's
 * definition reads from the source table, which the table therefore has
 * (resolve_given), or NULL.  A reference written with more
 * than two parts (schema.table.col) is refused, as it always was here.
 * A node the resolution does not hold (none in the block's clauses) is
 * read by its written qualifier alone. */
static int qualifier_is_item(route *r, json_t *colref_fields, const char *known)
{
    json_t *parts = ast_get(colref_fields, "fields");
    size_t n = json_array_size(parts);
    if (n > 2)
        return 0;
    const resolution *res = check_resolution(r->ctx);
    const rs_binding *b = resolve_lookup(res, colref_fields);
    rs_binding given;
    if (b && known)
        b = resolve_given(res, b, r->item, known, &given);
    if (b)
        return b->kind == RS_COLUMN && b->item == r->item && !b->field && !b->merged;
    const char *q = n == 2 ? ast_string_value(json_array_get(parts, 0)) : NULL;
    return n == 1 || (q && r->item->alias && strcasecmp(q, r->item->alias) == 0);
}

/* equiv()'s column references: the same name, and the block's column
 * is the source item's. */
static int same_column(json_t *qf, json_t *df, void *ctx)
{
    route *r = ctx;
    if (r->agg && r->agg->dim)      /* an aggregate over a join: aggregate_joins.c */
        return agj_same_column(check_resolution(r->ctx), r->join, r->agg, r->item, qf, df);
    const char *a = column_name(qf), *b = column_name(df);
    return a && b && strcasecmp(a, b) == 0 && qualifier_is_item(r, qf, b);
}

/* The type the rules declare for the source's column (tables[].columns),
 * as far as condition 9 and 10 need it. */
enum { RAW_UNDECLARED, RAW_DATE, RAW_TIMESTAMP_NTZ, RAW_TIMESTAMP_LTZ, RAW_OTHER };
static int raw_column_type(route *r, const char *col);

/* equiv()'s type classes: the source column's declared type. */
static int column_class(json_t *colref_fields, void *ctx);

/* Is the block's expression q the definition's expression d?  Compared
 * up to the spellings Spark reads as one (analyze_norm.c: function names
 * and date_trunc units in any case, count(1) and count(*), commuted + and
 * * operands, mirrored comparisons, x IN (v) and x = v, interval
 * spellings); the block's columns must belong to the source item. */
static int equiv(route *r, json_t *q, json_t *d)
{
    an_norm n = {same_column, column_class, r};
    return q && d && an_norm_equal(&n, q, d);
}

/* ---- mapping the block's expressions onto the aggregate's columns --- */

static json_t *map_expr(route *r, json_t *e, int in_aggregate_context, int depth);
static json_t *map_extraction(route *r, json_t *f, int depth, int *done);
static json_t *map_stored_distinct_count(route *r, json_t *f, int *found);

static int dimension_of(route *r, json_t *e)
{
    for (size_t i = 0; i < r->agg->ndims; i++)
        if (equiv(r, e, r->agg->dims[i].expr))
            return (int)i;
    return -1;
}

static const char *const grain_names[] = {
    [RULES_GRAIN_NONE] = "?", [RULES_GRAIN_HOUR] = "hour", [RULES_GRAIN_DAY] = "day",
    [RULES_GRAIN_WEEK] = "week", [RULES_GRAIN_MONTH] = "month",
    [RULES_GRAIN_QUARTER] = "quarter", [RULES_GRAIN_YEAR] = "year"};

/* ---- condition 10: time zones ------------------------------------------ */

/* UTC by another name (ZoneId.of reads each as the zero offset). */
static int utc_zone(const char *z)
{
    static const char *const names[] = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z", "UCT",
                                        "+00:00", "-00:00", "UTC+00:00", "GMT+00:00", NULL};
    for (int i = 0; z && names[i]; i++)
        if (strcmp(z, names[i]) == 0)
            return 1;
    return 0;
}

static int same_zone(const char *a, const char *b)
{
    return a && b && (strcmp(a, b) == 0 || (utc_zone(a) && utc_zone(b)));
}

/* A zone without daylight-saving changes: UTC, or +hh:mm / -hh:mm. */
static int fixed_zone(const char *z)
{
    if (utc_zone(z))
        return 1;
    return z && (z[0] == '+' || z[0] == '-') && strlen(z) == 6 && z[3] == ':' &&
           strspn(z + 1, "0123456789") == 2 && strspn(z + 4, "0123456789") == 2;
}

typedef struct ltz_walk { route *r; int found; } ltz_walk;

static ast_walk_rc note_ltz_column(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    ltz_walk *lw = w->ctx;
    (void)node;
    if (k == AST_ColumnRef && raw_column_type(lw->r, column_name(f)) == RAW_TIMESTAMP_LTZ) {
        lw->found = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

/* Does the dimension's value depend on the session time zone: a function
 * of a column declared TIMESTAMP (the column itself is an instant, the
 * same in every zone)? */
static int zone_dependent(route *r, const rules_dimension *d)
{
    if (ast_unwrap(d->expr, NULL, NULL) == AST_ColumnRef)
        return 0;
    ltz_walk lw = {r, 0};
    ast_walker w = {.fn = note_ltz_column, .ctx = &lw, .max_depth = AN_MAX_DEPTH};
    return ast_walk(&w, d->expr) != 0 || lw.found;
}

/* Condition 10: may the zone-dependent dimension d be used?  0, or -1
 * with the reason set. */
static int zone_refused(route *r, const rules_dimension *d)
{
    const char *tz = r->ctx->req->time_zone;
    if (!tz)
        return refuse(r, RR_TIME_ZONE_UNKNOWN, "dimension %s truncates a TIMESTAMP in the "
                      "session time zone, which the request does not give (context time_zone; "
                      "condition 10)", d->name);
    if (!same_zone(tz, r->agg->time_zone)) {
        char msg[200];
        snprintf(msg, sizeof msg, "dimension %s was cut in time zone %s, the request's is %s "
                 "(condition 10)", d->name, r->agg->time_zone, tz);
        return refuse(r, RR_TIME_ZONE_MISMATCH, "%s", msg);
    }
    return 0;
}

/* Condition 4: may buckets of grain `fine` be unioned into `coarse`? */
static int rolls_up(int fine, int coarse)
{
    if (fine == RULES_GRAIN_NONE || coarse == RULES_GRAIN_NONE || coarse < fine)
        return 0;
    if (fine == RULES_GRAIN_WEEK)
        return coarse == RULES_GRAIN_WEEK;
    return coarse != RULES_GRAIN_WEEK || fine <= RULES_GRAIN_DAY;
}

/* date_trunc(U, x) or trunc(x, U) over a dimension date_trunc(V, x) or
 * trunc(x, V) with V finer: the same call over the stored column.  (The
 * truncation of a truncation to a finer level is the truncation of the
 * value: a bucket of V lies inside one bucket of U, condition 4.)  NULL
 * if there is none; then *stored is the grain of the finest truncation
 * of x whose buckets do not add up to U's (condition 4),
 * RULES_GRAIN_NONE if there is no such dimension. */
static json_t *map_rollup(route *r, json_t *e, json_t *f, int *stored)
{
    *stored = RULES_GRAIN_NONE;
    int level;
    json_t *x;
    int kind = an_trunc_call(e, &level, &x);
    int coarse = kind == AN_TRUNC_NONE ? RULES_GRAIN_NONE : rules_grain_of_level(level);
    for (size_t i = 0; i < r->agg->ndims && coarse; i++) {
        const rules_dimension *d = &r->agg->dims[i];
        json_t *dx;
        if (an_trunc_call(d->expr, NULL, &dx) == AN_TRUNC_NONE || !equiv(r, x, dx))
            continue;
        if (!rolls_up(d->grain, coarse)) {
            if (d->grain && (*stored == RULES_GRAIN_NONE || d->grain < *stored))
                *stored = d->grain;
            continue;
        }
        if (zone_dependent(r, d) && zone_refused(r, d))
            continue;       /* condition 10: the reason is set */
        if (!r->build)
            return json_null();
        json_t *args = ast_get(f, "args"), *na = json_array();
        for (size_t k = 0; k < json_array_size(args); k++)
            json_array_append_new(na, json_array_get(args, k) == x
                                      ? ast_new_column_ref(r->qual, d->name)
                                      : json_deep_copy(json_array_get(args, k)));
        return ast_new_func_call(an_func_name(f), na);
    }
    return NULL;
}

/* Condition 4, refused: date_trunc(U, x) where the aggregate stores x
 * only at a grain whose buckets do not add up to U's.  The call is still
 * answered if x itself is built from dimensions (the generic mapping);
 * if not, the grain is the reason given.  Returns 1 when the generic
 * mapping may go on, 0 (refused) when not. */
static int grain_served(route *r, json_t *e, int stored, int depth)
{
    int had = r->reason[0] != '\0', was = r->build;
    json_t *x = NULL, *f, *uf = NULL;
    an_trunc_call(e, NULL, &x);
    r->build = 0;
    json_t *m = map_expr(r, x, 0, depth + 1);
    r->build = was;
    if (m)
        return 1;
    if (!had) {
        ast_unwrap(e, &f, NULL);
        json_t *args = ast_get(f, "args");
        for (size_t k = 0; k < json_array_size(args); k++)
            if (json_array_get(args, k) != x)
                ast_unwrap(json_array_get(args, k), &uf, NULL);
        const char *unit = json_string_value(ast_get(ast_get(uf, "sval"), "sval"));
        char msg[160];
        snprintf(msg, sizeof msg, "%s('%s', ...) cannot be read from a dimension "
                 "stored at %s grain (condition 4)", an_func_name(f), unit ? unit : "?",
                 grain_names[stored]);
        r->reason[0] = '\0';
        refuse(r, RR_GRAIN_TOO_COARSE, "%s", msg);
    }
    return 0;
}

static const rules_measure *find_measure(route *r, const char *func, int star, json_t *arg)
{
    for (size_t i = 0; i < r->agg->nmeasures; i++) {
        const rules_measure *m = &r->agg->measures[i];
        if (m->distinct || strcmp(m->func, func) != 0 || m->star != star)
            continue;
        if (star || equiv(r, arg, m->arg))
            return m;
    }
    return NULL;
}

/* CAST(COALESCE(SUM(col), 0) AS BIGINT): COUNT from a stored count. */
static json_t *summed_count(route *r, const char *col)
{
    json_t *sum_args = json_array();
    json_array_append_new(sum_args, ast_new_column_ref(r->qual, col));
    json_t *co_args = json_array();
    json_array_append_new(co_args, ast_new_func_call("sum", sum_args));
    json_array_append_new(co_args, ast_new_int_const(0));
    return ast_new_cast(ast_new_coalesce(co_args), "bigint");
}

/* ---- conditions 12 and 13: AVG, count_if, DISTINCT over dimensions -- */

/* The numeric type class of an AVG argument, as Spark's Average reads
 * it (its resultType and sumDataType). */
typedef struct num_type {
    enum { NUM_UNKNOWN, NUM_INTEGRAL, NUM_FLOATING, NUM_DECIMAL, NUM_OTHER } cls;
    int p, s;               /* NUM_DECIMAL: precision and scale */
} num_type;

/* A Spark type name (SqlBaseParser's primitiveDataType; DataTypeParser's
 * names) with its parameters: np of them in par[].  DECIMAL alone is
 * DECIMAL(10, 0) and DECIMAL(p) is DECIMAL(p, 0) (DecimalType.USER_DEFAULT). */
static num_type num_type_of(const char *name, int np, const int *par)
{
    static const struct { const char *name; int cls; } names[] = {
        {"tinyint", NUM_INTEGRAL}, {"byte", NUM_INTEGRAL}, {"smallint", NUM_INTEGRAL},
        {"short", NUM_INTEGRAL}, {"int", NUM_INTEGRAL}, {"integer", NUM_INTEGRAL},
        {"bigint", NUM_INTEGRAL}, {"long", NUM_INTEGRAL}, {"float", NUM_FLOATING},
        {"real", NUM_FLOATING}, {"double", NUM_FLOATING}, {"decimal", NUM_DECIMAL},
        {"dec", NUM_DECIMAL}, {"numeric", NUM_DECIMAL}};
    num_type t = {NUM_OTHER, 0, 0};
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i].name) == 0)
            t.cls = names[i].cls;
    if (t.cls == NUM_DECIMAL) {
        t.p = np > 0 ? par[0] : 10;
        t.s = np > 1 ? par[1] : 0;
        if (np > 2 || t.p < 1 || t.p > 38 || t.s < 0 || t.s > t.p)
            t.cls = NUM_OTHER;
    } else if (np > 0) {
        t.cls = NUM_OTHER;
    }
    return t;
}

/* A declared type as the rules write it: "INT", "DECIMAL(12, 2)". */
static num_type num_type_of_text(const char *text)
{
    char name[32];
    int par[3], np = 0;
    size_t n = 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    while ((isalpha((unsigned char)*p) || *p == '_') && n + 1 < sizeof name)
        name[n++] = *p++;
    name[n] = '\0';
    while (*p == ' ')
        p++;
    if (*p == '(') {
        p++;
        for (;;) {
            char *end;
            long v = strtol(p, &end, 10);
            if (end == p || np == 3 || v < 0 || v > 1000)
                return (num_type){NUM_OTHER, 0, 0};
            par[np++] = (int)v;
            p = end;
            while (*p == ' ')
                p++;
            if (*p == ',') {
                p++;
                continue;
            }
            if (*p++ != ')')
                return (num_type){NUM_OTHER, 0, 0};
            break;
        }
    }
    while (*p == ' ')
        p++;
    return *p ? (num_type){NUM_OTHER, 0, 0} : num_type_of(name, np, par);
}

/* The type of AVG's argument e: CAST(x AS type) says it; a column of
 * the source says it through the rules' declared columns (tables[].
 * columns of the aggregate's source).  NUM_UNKNOWN otherwise. */
static num_type avg_arg_type(route *r, json_t *e)
{
    json_t *f;
    num_type unknown = {NUM_UNKNOWN, 0, 0};
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_TypeCast) {
        json_t *tn = ast_get(f, "typeName"), *names = ast_get(tn, "names"), *m, *mf;
        if (json_array_size(names) != 1 || ast_get(tn, "arrayBounds"))
            return unknown;
        int par[3], np = 0;
        size_t i;
        json_array_foreach(ast_get(tn, "typmods"), i, m) {
            if (np == 3 || ast_unwrap(m, &mf, NULL) != AST_A_Const || !ast_get(mf, "ival"))
                return unknown;
            par[np++] = (int)json_integer_value(ast_get(ast_get(mf, "ival"), "ival"));
        }
        return num_type_of(ast_string_value(json_array_get(names, 0)), np, par);
    }
    if (k != AST_ColumnRef || !qualifier_is_item(r, f, NULL))
        return unknown;
    const char *col = column_name(f);
    const rules_table *t = rules_find_table(r->ctx->rules, r->agg->source);
    for (size_t i = 0; t && col && i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, col) == 0 && t->columns[i].type)
            return num_type_of_text(t->columns[i].type);
    return unknown;
}

/* CAST(e AS DECIMAL(p, s)). */
static json_t *decimal_cast(json_t *e, int p, int s)
{
    json_t *c = ast_new_cast(e, "decimal");
    json_t *mods = json_array();
    json_array_append_new(mods, ast_new_int_const(p));
    json_array_append_new(mods, ast_new_int_const(s));
    json_object_set_new(ast_get(ast_get(c, "TypeCast"), "typeName"), "typmods", mods);
    return c;
}

/* NULLIF(e, 0). */
static json_t *nullif_zero(json_t *e)
{
    json_t *n = ast_new_binary_op("=", e, ast_new_int_const(0));
    json_object_set_new(ast_get(n, "A_Expr"), "kind", json_string("AEXPR_NULLIF"));
    return n;
}

/* sum(col) */
static json_t *sum_of(json_t *e)
{
    json_t *a = json_array();
    json_array_append_new(a, e);
    return ast_new_func_call("sum", a);
}

/* The scale of Spark's decimal division DECIMAL(p1, s1) / DECIMAL(p2, s2)
 * (Divide.resultDecimalType with spark.sql.decimalOperations.
 * allowPrecisionLoss, its default: scale max(6, s1 + p2 + 1), precision
 * p1 - s1 + s2 + scale, then DecimalType.adjustPrecisionScale: over 38
 * digits the scale gives way to the integer digits, down to
 * min(scale, 6)). */
static int divide_scale(int p1, int s1, int p2, int s2)
{
    int int_dig = p1 - s1 + s2;
    int scale = s1 + p2 + 1 > 6 ? s1 + p2 + 1 : 6;
    if (int_dig + scale <= 38)
        return scale;
    int min_scale = scale < 6 ? scale : 6;
    return 38 - int_dig > min_scale ? 38 - int_dig : min_scale;
}

/* Condition 12: AVG(e) (or mean) from a stored SUM(e) and COUNT(e),
 * typed and valued as Spark's Average. */
static json_t *map_avg(route *r, json_t *f, const char *name)
{
    json_t *args = ast_get(f, "args");
    json_t *e = json_array_get(args, 0);
    if (json_array_size(args) != 1 || json_is_true(ast_get(f, "agg_star"))) {
        refuse(r, RR_UNSUPPORTED_AGGREGATE, "%s(...) does not have one argument", name);
        return NULL;
    }
    const rules_measure *sm = find_measure(r, "sum", 0, e);
    const rules_measure *cm = find_measure(r, "count", 0, e);
    if (!sm || !cm) {
        refuse(r, RR_MEASURE_MISSING, "%s(...) needs a stored SUM and COUNT of the same expression (condition 12)",
               name);
        return NULL;
    }
    num_type t = avg_arg_type(r, e);
    if (t.cls == NUM_UNKNOWN) {
        refuse(r, RR_TYPE_UNKNOWN, "the type of %s(...)'s argument is unknown: its result type depends on it "
               "(declare the column's type in tables[].columns, condition 12)", name);
        return NULL;
    }
    if (t.cls == NUM_OTHER) {
        refuse(r, RR_UNSUPPORTED_AGGREGATE, "%s(...) of a type other than an integral, floating or decimal number "
               "(condition 12)", name);
        return NULL;
    }
    if (t.cls == NUM_DECIMAL) {
        /* Average: sum DECIMAL(p + 10, s), result DECIMAL(p + 4, s + 4),
         * both bounded to 38.  The routed quotient is Spark's Divide of
         * the sum as DECIMAL(p + 10, s) by the count (a BIGINT, read as
         * DECIMAL(20, 0)), rounded half up at its scale d and then at
         * s + 4 by the CAST.  That equals Average's single rounding of
         * the quotient (Spark 3.3+: DecimalDivideWithOverflowCheck) unless
         * the quotient lies within 10^-d of a half at s + 4, which needs
         * a group of at least 10^(d - s - 4) / 2 rows: exact when the
         * source holds fewer rows than that (its tables entry's "rows").
         * (Spark 3.2 and before divide the same way as the routed form.) */
        int sp = t.p + 10 > 38 ? 38 : t.p + 10;
        int rp = t.p + 4 > 38 ? 38 : t.p + 4, rs = t.s + 4 > 38 ? 38 : t.s + 4;
        int d = divide_scale(sp, t.s, 20, 0);
        const rules_table *src = rules_find_table(r->ctx->rules, r->agg->source);
        long long rows = src ? src->rows : -1;
        int margin = d - rs;
        long double limit = 0.5L;
        for (int i = 0; i < margin && i < 40; i++)
            limit *= 10;
        if (margin < 0 || rows < 0 || (long double)rows >= limit) {
            char why[200], held[40] = "declares no rows";
            if (rows >= 0)
                snprintf(held, sizeof held, "declares %lld rows", rows);
            if (margin < 0)
                snprintf(why, sizeof why, "%s(...) of DECIMAL(%d,%d): Spark's division of the "
                         "stored parts rounds at scale %d, below the result's %d", name, t.p, t.s,
                         d, rs);
            else
                snprintf(why, sizeof why, "%s(...) of DECIMAL(%d,%d) is exact from the stored "
                         "parts only while a group holds fewer than 10^%d/2 rows; the source %s",
                         name, t.p, t.s, margin, held);
            refuse(r, RR_DECIMAL_ROUNDING, "%s (condition 12)", why);
            return NULL;
        }
        if (!r->build)
            return json_null();
        json_t *q = ast_new_binary_op("/", decimal_cast(sum_of(ast_new_column_ref(NULL, sm->name)),
                                                        sp, t.s),
                                      nullif_zero(sum_of(ast_new_column_ref(NULL, cm->name))));
        return decimal_cast(q, rp, rs);
    }
    /* Integral and floating: Average sums as DOUBLE and divides by the
     * count as DOUBLE; NULL when the count is 0 (Divide in LEGACY mode). */
    if (!r->build)
        return json_null();
    return ast_new_binary_op("/", sum_of(ast_new_cast(ast_new_column_ref(NULL, sm->name), "double")),
                             nullif_zero(sum_of(ast_new_column_ref(NULL, cm->name))));
}

/* The reason of a condition-12 refusal: what map_expr found, said of
 * the call it was found in.  Returns NULL. */
static json_t *not_over_dimensions(route *r, const char *fn, const char *form)
{
    char found[sizeof r->reason];
    snprintf(found, sizeof found, "%s", r->reason);
    char msg[sizeof found + 128];
    snprintf(msg, sizeof msg, "%.40s%.20s is not over dimensions only: %s (condition 13)", fn,
             form, found);
    snprintf(r->reason, sizeof r->reason, "%.239s", msg);
    return NULL;
}

/* Condition 13: count_if(p), p built from dimensions: the stored COUNT(*)
 * of the groups where p holds, summed. */
static json_t *map_count_if(route *r, json_t *f, int depth)
{
    json_t *args = ast_get(f, "args");
    const rules_measure *m = find_measure(r, "count", 1, NULL);
    if (json_array_size(args) != 1) {
        refuse(r, RR_UNSUPPORTED_AGGREGATE, "%s", "count_if(...) does not have one argument");
        return NULL;
    }
    if (!m) {
        refuse(r, RR_MEASURE_MISSING, "%s", "count_if(...) needs a stored COUNT(*) (condition 13)");
        return NULL;
    }
    json_t *p = map_expr(r, json_array_get(args, 0), 0, depth + 1);
    if (!p)
        return not_over_dimensions(r, "count_if", "(...)");
    if (!r->build)
        return p;
    json_t *when = json_object();
    json_object_set_new(when, "expr", p);
    json_object_set_new(when, "result", ast_new_column_ref(NULL, m->name));
    json_object_set_new(when, "location", json_integer(-1));
    json_t *whens = json_array();
    json_array_append_new(whens, ast_new_node("CaseWhen", when));
    json_t *ce = json_object();
    json_object_set_new(ce, "args", whens);
    json_object_set_new(ce, "location", json_integer(-1));
    json_t *co = json_array();
    json_array_append_new(co, sum_of(ast_new_node("CaseExpr", ce)));
    json_array_append_new(co, ast_new_int_const(0));
    return ast_new_cast(ast_new_coalesce(co), "bigint");
}

/* Condition 13: F(DISTINCT e, ...) with e built from dimensions: the
 * distinct values of e over the stored groups are those over the rows.
 * The functions whose value depends on the set of distinct values only. */
static const char *const distinct_safe[] = {"count", "sum", "avg", "mean", "min", "max", NULL};

static json_t *map_distinct(route *r, json_t *f, const char *name, int depth)
{
    int ok = 0;
    for (int i = 0; distinct_safe[i] && !ok; i++)
        ok = strcmp(name, distinct_safe[i]) == 0;
    if (!ok) {
        refuse(r, RR_UNSUPPORTED_AGGREGATE, "%s(DISTINCT ...) cannot be answered from stored groups", name);
        return NULL;
    }
    int had = r->reason[0] != '\0';
    json_t *mapped = map_expr(r, ast_get(f, "args"), 0, depth + 1);
    if (!mapped && strcmp(name, "count") == 0) {
        /* 17: a stored COUNT(DISTINCT); else condition 6's reason, as it is */
        int found;
        char why[sizeof r->reason];
        snprintf(why, sizeof why, "%s", r->reason);
        route_reason code = r->code;
        if (!had)
            r->reason[0] = '\0';
        json_t *stored = map_stored_distinct_count(r, f, &found);
        if (!found && !had) {
            snprintf(r->reason, sizeof r->reason, "%s", why);
            r->code = code;
        }
        return stored;
    }
    if (!mapped)
        return not_over_dimensions(r, name, "(DISTINCT ...)");
    if (!r->build)
        return mapped;
    json_t *call = ast_new_func_call(name, mapped);
    json_object_set_new(ast_get(call, "FuncCall"), "agg_distinct", json_true());
    return call;
}

/* Conditions 12 and 13 for one aggregate call (name lower case): 1 with
 * *out set (NULL and r->reason when refused), or 0 when neither applies
 * (condition 6 decides). */
static int map_aggregate_more(route *r, json_t *f, const char *name, int depth, json_t **out)
{
    if (json_is_true(ast_get(f, "agg_distinct"))) {
        *out = map_distinct(r, f, name, depth);
        return 1;
    }
    if (strcmp(name, "avg") == 0 || strcmp(name, "mean") == 0) {
        *out = map_avg(r, f, name);
        return 1;
    }
    if (strcmp(name, "count_if") == 0) {
        *out = map_count_if(r, f, depth);
        return 1;
    }
    return 0;
}

/* Condition 6: one aggregate call of the block, answered from the
 * aggregate's columns. */
static json_t *map_aggregate(route *r, json_t *f, int depth)
{
    const char *fn = an_func_name(f);
    char name[32];
    snprintf(name, sizeof name, "%s", fn ? fn : "");
    for (char *p = name; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    json_t *args = ast_get(f, "args");
    int star = json_is_true(ast_get(f, "agg_star"));
    if (ast_get(f, "agg_filter") || ast_get(f, "agg_order") ||
        ast_get(f, "func_variadic") || ast_get(f, "agg_within_group")) {
        refuse(r, RR_UNSUPPORTED_AGGREGATE, "%s(...) has a FILTER or ORDER clause", name);
        return NULL;
    }
    json_t *more;
    if (map_aggregate_more(r, f, name, depth, &more))    /* 12, 13 */
        return more;
    if (strcmp(name, "count") == 0) {
        star = an_counts_rows(f);       /* count(*), count(1) */
        const rules_measure *m = find_measure(r, "count", star, star ? NULL : json_array_get(args, 0));
        if (!m || (!star && json_array_size(args) != 1)) {
            refuse(r, RR_MEASURE_MISSING,
                   "%s has no stored COUNT of the same argument", "count(...)");
            return NULL;
        }
        return r->build ? summed_count(r, m->name) : json_null();
    }
    if ((strcmp(name, "sum") == 0 || strcmp(name, "min") == 0 || strcmp(name, "max") == 0) &&
        json_array_size(args) == 1 && !star) {
        const rules_measure *m = find_measure(r, name, 0, json_array_get(args, 0));
        json_t *arg;
        if (m) {
            arg = r->build ? ast_new_column_ref(r->qual, m->name) : json_null();
        } else if (strcmp(name, "sum") != 0) {
            /* MIN / MAX of an expression of dimensions: the groups hold
             * every value it takes. */
            r->reason[0] = '\0';
            arg = map_expr(r, json_array_get(args, 0), 0, depth + 1);
            if (!arg) {
                r->reason[0] = '\0';
                refuse(r, RR_MEASURE_MISSING,
                       "%s(...) has no stored measure over the same expression", name);
                return NULL;
            }
        } else {
            refuse(r, RR_MEASURE_MISSING,
                   "sum(...) has no stored SUM over the same expression%s", "");
            return NULL;
        }
        if (!r->build)
            return json_null();
        json_t *na = json_array();
        json_array_append_new(na, arg);
        return ast_new_func_call(name, na);
    }
    refuse(r, RR_UNSUPPORTED_AGGREGATE,
           "%s(...) is not answered from stored measures (only SUM, MIN, MAX, COUNT and "
           "COUNT(DISTINCT dimension) are)", name);
    return NULL;
}

/* A new tree for expression e in terms of the aggregate's columns, or
 * NULL with r->reason set.  in_aggregate_context: e may hold aggregate
 * calls (select list, HAVING, ORDER BY). */
static json_t *map_expr(route *r, json_t *e, int in_aggregate_context, int depth)
{
    if (depth > AN_MAX_DEPTH) {
        refuse(r, RR_TOO_COMPLEX, "%s", "expression nested too deeply");
        return NULL;
    }
    if (json_is_array(e)) {
        json_t *out = r->build ? json_array() : json_null();
        size_t i;
        json_t *c;
        json_array_foreach(e, i, c) {
            json_t *m = map_expr(r, c, in_aggregate_context, depth + 1);
            if (!m) {
                arena_json_release(out);
                return NULL;
            }
            if (r->build)
                json_array_append_new(out, m);
        }
        return out;
    }
    if (!json_is_object(e))
        return r->build ? json_deep_copy(e) : json_null();
    json_t *f;
    const char *kname;
    ast_kind k = ast_unwrap(e, &f, &kname);
    if (k != AST_UNKNOWN && k != AST_A_Const && k != AST_String) {
        int d = dimension_of(r, e);
        if (d >= 0 && zone_dependent(r, &r->agg->dims[d]) && zone_refused(r, &r->agg->dims[d]))
            return NULL;
        if (d >= 0)
            return r->build ? ast_new_column_ref(r->qual, r->agg->dims[d].name) : json_null();
    }
    switch (k) {
    case AST_ColumnRef: {
        const char *col = column_name(f);
        if (r->join && !r->agg->dim &&
            agj_is_dimension_column(check_resolution(r->ctx), r->join, f))  /* J5 */
            return r->build ? agj_dimension_column(check_resolution(r->ctx), r->join, f)
                            : json_null();
        const rs_binding *b = resolve_lookup(check_resolution(r->ctx), f);
        if (col && strcmp(col, DIALECT_GROUP_BY_ALL) == 0)
            refuse(r, RR_BY_ALL, "%s", "GROUP BY ALL or ORDER BY ALL is used");
        else if (b && b->kind == RS_AMBIGUOUS)
            refuse(r, RR_AMBIGUOUS_COLUMN, "%s", b->why ? b->why : "a column name is ambiguous");
        else if (!qualifier_is_item(r, f, NULL) &&
                 !(r->join && agj_is_dimension_column(check_resolution(r->ctx), r->join, f)))
            refuse(r, RR_OUTER_REFERENCE,
                   "a column of another query (%s) is used", col ? col : "?");
        else
            refuse(r, RR_NOT_A_DIMENSION, "column %s is not a dimension", col ? col : "*");
        return NULL;
    }
    case AST_FuncCall: {
        if (ast_get(f, "over")) {
            refuse(r, RR_WINDOW_FUNCTION, "%s", "a window function is used");
            return NULL;
        }
        unsigned classes = an_function_classes(an_func_name(f));
        if (classes & (AN_FN_UNKNOWN | AN_FN_WINDOW | AN_FN_GENERATOR)) {
            refuse(r, RR_UNKNOWN_FUNCTION, "%s(...) is not a scalar function of Spark's registry",
                   an_func_name(f) ? an_func_name(f) : "?");
            return NULL;
        }
        if (classes & AN_FN_AGGREGATE) {
            if (!in_aggregate_context) {
                refuse(r, RR_AGGREGATE_MISPLACED,
                       "%s(...) is used where rows are filtered or grouped", an_func_name(f));
                return NULL;
            }
            return map_aggregate(r, f, depth);
        }
        int done;
        json_t *m = map_extraction(r, f, depth, &done);      /* 16 */
        if (done)
            return m;
        int stored;
        m = map_rollup(r, e, f, &stored);
        if (m)
            return m;
        if (stored != RULES_GRAIN_NONE && !grain_served(r, e, stored, depth))
            return NULL;
        break;
    }
    case AST_SubLink:
    case AST_SelectStmt:
        refuse(r, RR_SUBQUERY, "%s", "a subquery is used in the block");
        return NULL;
    case AST_GroupingFunc:
        if (!r->blk->grouping_sets) {
            refuse(r, RR_GROUPING_SETS, "%s", "GROUPING() is used");
            return NULL;
        }
        break;      /* 14: grouping(keys) over the mapped keys */
    case AST_A_Star:
        refuse(r, RR_SELECT_STAR, "%s", "* is used");
        return NULL;
    case AST_A_ArrayExpr: case AST_A_Const: case AST_A_Expr: case AST_A_Indices:
    case AST_A_Indirection: case AST_Alias: case AST_BitString: case AST_BoolExpr:
    case AST_Boolean: case AST_BooleanTest: case AST_CaseExpr: case AST_CaseWhen:
    case AST_CoalesceExpr: case AST_CollateClause: case AST_CommonTableExpr: case AST_Float:
    case AST_GroupingSet: case AST_Integer: case AST_IntoClause: case AST_JoinExpr:
    case AST_List: case AST_LockingClause: case AST_MinMaxExpr: case AST_NamedArgExpr:
    case AST_NullTest: case AST_ParamRef: case AST_RangeFunction: case AST_RangeSubselect:
    case AST_RangeTableSample: case AST_RangeVar: case AST_ResTarget: case AST_RowExpr:
    case AST_SQLValueFunction: case AST_SortBy: case AST_String: case AST_TypeCast:
    case AST_TypeName: case AST_WindowDef: case AST_WithClause: case AST_UNKNOWN:
    case AST_KIND_COUNT:
        break;
    }
    /* Anything else: the same node over mapped children. */
    json_t *out = r->build ? json_object() : json_null();
    const char *key;
    json_t *child;
    json_t *src = k == AST_UNKNOWN ? e : f;
    json_object_foreach(src, key, child) {
        json_t *m = map_expr(r, child, in_aggregate_context, depth + 1);
        if (!m) {
            arena_json_release(out);
            return NULL;
        }
        if (r->build)
            json_object_set_new(out, key, m);
    }
    if (k == AST_UNKNOWN || !r->build)
        return out;
    json_t *wrapped = json_object();
    json_object_set_new(wrapped, kname, out);
    return wrapped;
}

/* ---- condition 14: GROUPING SETS, ROLLUP and CUBE ------------------- */

/* The keys of a grouping clause as written and as mapped, to check that
 * the mapping keeps distinct keys distinct. */
typedef struct gs_keys { json_t **orig, **mapped; size_t n, cap; } gs_keys;

static json_t *map_grouping_element(route *r, json_t *e, gs_keys *keys, int depth);

/* One key of a grouping set: an expression built from dimensions, mapped
 * (always built: the caller compares the mapped keys). */
static json_t *map_grouping_key(route *r, json_t *e, gs_keys *keys)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) == AST_A_Const) {
        refuse(r, RR_GROUPING_SETS, "%s", "a grouping set holds a constant (condition 14)");
        return NULL;
    }
    json_t *m = map_expr(r, e, 0, 1);
    if (!m)
        return NULL;
    if (keys->n == keys->cap) {
        keys->cap = keys->cap ? keys->cap * 2 : 8;
        keys->orig = xrealloc(keys->orig, keys->cap * sizeof *keys->orig);
        keys->mapped = xrealloc(keys->mapped, keys->cap * sizeof *keys->mapped);
    }
    keys->orig[keys->n] = e;
    keys->mapped[keys->n++] = m;
    return json_incref(m);
}

/* A GroupingSet node (ROLLUP, CUBE, GROUPING SETS, a set, ()): the same
 * node over mapped keys.  A RowExpr inside is a set of several keys
 * ((a, b)), each mapped on its own: never compared with a dimension as a
 * whole. */
static json_t *map_grouping_set(route *r, json_t *gf, gs_keys *keys, int depth)
{
    json_t *out = json_object();
    const char *k;
    json_t *v;
    json_object_foreach(gf, k, v) {
        if (strcmp(k, "content") != 0) {
            json_object_set_new(out, k, json_deep_copy(v));
            continue;
        }
        json_t *content = json_array();
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c) {
            json_t *m = map_grouping_element(r, c, keys, depth + 1);
            if (!m) {
                arena_json_release(content);
                arena_json_release(out);
                return NULL;
            }
            json_array_append_new(content, m);
        }
        json_object_set_new(out, "content", content);
    }
    return ast_new_node("GroupingSet", out);
}

static json_t *map_grouping_element(route *r, json_t *e, gs_keys *keys, int depth)
{
    json_t *f;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (depth > AN_MAX_DEPTH) {
        refuse(r, RR_TOO_COMPLEX, "%s", "expression nested too deeply");
        return NULL;
    }
    if (k == AST_GroupingSet)
        return map_grouping_set(r, f, keys, depth);
    if (k == AST_RowExpr) {
        json_t *row = json_object(), *args = json_array(), *a;
        size_t i;
        json_array_foreach(ast_get(f, "args"), i, a) {
            json_t *m = map_grouping_key(r, a, keys);
            if (!m) {
                arena_json_release(args);
                arena_json_release(row);
                return NULL;
            }
            json_array_append_new(args, m);
        }
        const char *fk;
        json_t *fv;
        json_object_foreach(f, fk, fv)
            if (strcmp(fk, "args") != 0)
                json_object_set_new(row, fk, json_deep_copy(fv));
        json_object_set_new(row, "args", args);
        return ast_new_node("RowExpr", row);
    }
    return map_grouping_key(r, e, keys);
}

/* Condition 14: the whole GROUP BY of a block with grouping sets, each
 * element (plain key or GroupingSet) mapped in place, so that the sets,
 * their order and the order of their keys stay as written: grouping()
 * and grouping_id() (whose bits follow the keys' order) keep their
 * values.  Two keys that differ must not map to one column (Spark would
 * then read them as one key, and the bits would move).  Returns the new
 * clause (json_null() when only deciding), or NULL with the reason. */
static json_t *map_grouping_clause(route *r, json_t *clause)
{
    int was = r->build;
    r->build = 1;
    gs_keys keys = {0};
    json_t *out = json_array(), *e;
    size_t i;
    json_array_foreach(clause, i, e) {
        json_t *m = map_grouping_element(r, e, &keys, 0);
        if (!m) {
            arena_json_release(out);
            out = NULL;
            break;
        }
        json_array_append_new(out, m);
    }
    for (size_t a = 0; out && a < keys.n; a++)
        for (size_t b = a + 1; out && b < keys.n; b++)
            if (ast_equal_ignoring_locations(keys.mapped[a], keys.mapped[b]) &&
                !equiv(r, keys.orig[a], keys.orig[b]) &&
                !ast_equal_ignoring_locations(keys.orig[a], keys.orig[b])) {
                refuse(r, RR_GROUPING_SETS, "%s", "two grouping keys that differ map to one "
                       "column of the aggregate (condition 14)");
                arena_json_release(out);
                out = NULL;
            }
    for (size_t a = 0; a < keys.n; a++)
        arena_json_release(keys.mapped[a]);
    free(keys.orig);
    free(keys.mapped);
    r->build = was;
    if (out && !was) {
        arena_json_release(out);
        return json_null();
    }
    return out;
}

/* ---- the block ------------------------------------------------------ */

/* A rewritten block, built aside: the new clauses replace the old ones
 * only once every condition has held. */
typedef struct routed {
    json_t *targets, *where, *group, *having, *sort;
    json_t *on;             /* a join's ON condition (aggregate_joins.c) */
} routed;

static void routed_free(routed *o)
{
    arena_json_release(o->targets);
    arena_json_release(o->where);
    arena_json_release(o->group);
    arena_json_release(o->having);
    arena_json_release(o->sort);
    arena_json_release(o->on);
    memset(o, 0, sizeof *o);
}

/* The ORDER BY / HAVING name of a select-list alias stays as it is: it
 * names the output, which keeps its name. */
static json_t *map_clause_with_aliases(route *r, json_t *clause, int depth);

static json_t *map_sort(route *r, json_t *sort)
{
    json_t *out = r->build ? json_array() : json_null();
    size_t i;
    json_t *s, *sf;
    json_array_foreach(sort, i, s) {
        if (ast_unwrap(s, &sf, NULL) != AST_SortBy) {
            arena_json_release(out);
            refuse(r, RR_TOO_COMPLEX, "%s", "unexpected ORDER BY entry");
            return NULL;
        }
        json_t *node = map_clause_with_aliases(r, ast_get(sf, "node"), 0);
        if (!node) {
            arena_json_release(out);
            return NULL;
        }
        if (!r->build)
            continue;
        json_t *fields = json_object();
        const char *fk;
        json_t *fv;
        json_object_foreach(sf, fk, fv)
            if (strcmp(fk, "node") != 0)
                json_object_set_new(fields, fk, json_deep_copy(fv));
        json_object_set_new(fields, "node", node);
        json_t *wrapped = json_object();
        json_object_set_new(wrapped, "SortBy", fields);
        json_array_append_new(out, wrapped);
    }
    return out;
}

static json_t *map_clause_with_aliases(route *r, json_t *e, int depth)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) == AST_ColumnRef &&
        json_array_size(ast_get(f, "fields")) == 1) {
        const char *name = column_name(f);
        for (size_t i = 0; name && i < r->blk->noutputs; i++) {
            const char *alias = json_string_value(ast_get(r->blk->outputs[i].target, "name"));
            if (alias && strcasecmp(alias, name) == 0)
                return r->build ? json_deep_copy(e) : json_null();
        }
    }
    if (ast_unwrap(e, &f, NULL) == AST_A_Const && ast_get(f, "ival"))
        return r->build ? json_deep_copy(e) : json_null();     /* ORDER BY 2 */
    return map_expr(r, e, 1, depth);
}

static int map_bucket_bound(route *r, json_t *conj, json_t **out);

/* Condition 5: do the block's WHERE conjuncts imply the aggregate's
 * conjunct a (analyze_norm.c, an_norm_implies)? */
static int where_implies(route *r, json_t *a)
{
    an_clock clock = {r->ctx->now_days, r->ctx->now_seconds, r->ctx->clock_unknown};
    an_norm n = {same_column, column_class, r, &clock};
    return an_norm_implies(&n, r->blk->where, r->blk->nwhere, a);
}

/* The block's WHERE without the aggregate's own conjuncts, mapped: a
 * conjunct equal to one of the aggregate's is dropped (every stored group
 * satisfies it); one that only implies it is kept, and must be answered
 * from dimensions like any other. */
static json_t *map_where(route *r)
{
    const rules_aggregate *a = r->agg;
    for (size_t k = 0; k < a->nwhere; k++) {
        if (!where_implies(r, a->where[k])) {
            sbuf b = SBUF_INIT;
            emit_error err;
            emit_expression(a->where[k], EMIT_DATABRICKS, &b, &err);
            refuse(r, RR_FILTER_NOT_IMPLIED,
                   "the query does not filter as the aggregate does (%s)", sbuf_cstr(&b));
            sbuf_free(&b);
            return NULL;
        }
    }
    json_t *kept = r->build ? json_array() : json_null();
    for (size_t i = 0; i < r->blk->nwhere; i++) {
        int own = 0;
        for (size_t k = 0; k < a->nwhere && !own; k++)
            own = equiv(r, r->blk->where[i], a->where[k]);
        if (own)
            continue;
        json_t *m = NULL;
        int bound = map_bucket_bound(r, r->blk->where[i], &m);     /* 9 */
        if (bound < 0) {
            arena_json_release(kept);
            return NULL;
        }
        if (bound == 0)
            m = map_expr(r, r->blk->where[i], 0, 0);
        if (!m) {
            arena_json_release(kept);
            return NULL;
        }
        if (r->build)
            json_array_append_new(kept, m);
    }
    if (!r->build)
        return json_null();
    if (json_array_size(kept) == 0) {
        arena_json_release(kept);
        return json_null();
    }
    if (json_array_size(kept) == 1) {
        json_t *one = json_incref(json_array_get(kept, 0));
        arena_json_release(kept);
        return one;
    }
    return ast_new_bool_expr("AND_EXPR", kept);
}

/* The end of the bucket of grain g (RULES_GRAIN_*) that holds the
 * value us (microseconds): the start of the next bucket. */
static long long bucket_end(long long us, int g)
{
    if (g == RULES_GRAIN_HOUR) {
        long long h = 3600 * DATES_US_PER_SECOND;
        return us - ((us % h) + h) % h + h;
    }
    long day = dates_day_of_us(us);
    return (long long)dates_next(dates_trunc(day, g), g) * DATES_US_PER_DAY;
}

/* ---- condition 9: bounds on the raw column of a truncated dimension -- */


/* The type the rules declare for the source's column, NULL if none. */
static const char *declared_type(route *r, const char *col)
{
    const rules_table *t = rules_find_table(r->ctx->rules, r->agg->source);
    for (size_t i = 0; t && col && i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, col) == 0)
            return t->columns[i].type;
    return NULL;
}

static int column_class(json_t *colref_fields, void *ctx)
{
    route *r = ctx;
    const char *ty = qualifier_is_item(r, colref_fields, NULL) ?
                     declared_type(r, column_name(colref_fields)) : NULL;
    if (!ty)
        return AN_CLASS_UNKNOWN;
    static const char *const strings[] = {"string", "varchar", NULL};
    static const char *const numbers[] = {"tinyint", "byte", "smallint", "short", "int",
                                          "integer", "bigint", "long", "float", "real",
                                          "double", "decimal", "dec", "numeric", NULL};
    int raw = raw_column_type(r, column_name(colref_fields));
    if (raw == RAW_DATE || raw == RAW_TIMESTAMP_NTZ)
        return raw == RAW_DATE ? AN_CLASS_DATE : AN_CLASS_TIMESTAMP_NTZ;
    size_t n = strcspn(ty, "( ");
    /* A collation other than Spark's default (UTF8_BINARY) compares
     * strings otherwise ('A' = 'a' under UTF8_LCASE): of no class. */
    for (const char *c = ty; *c; c++)
        if (strncasecmp(c, "collate", 7) == 0) {
            c += 7 + strspn(c + 7, " ");
            if (strncasecmp(c, "utf8_binary", 11) != 0 || c[11 + strspn(c + 11, " ")])
                return AN_CLASS_OTHER;
            break;
        }
    for (int i = 0; strings[i]; i++)
        if (strlen(strings[i]) == n && strncasecmp(ty, strings[i], n) == 0)
            return AN_CLASS_STRING;
    for (int i = 0; numbers[i]; i++)
        if (strlen(numbers[i]) == n && strncasecmp(ty, numbers[i], n) == 0)
            return AN_CLASS_NUMERIC;
    return AN_CLASS_OTHER;
}

static int raw_column_type(route *r, const char *col)
{
    const char *ty = declared_type(r, col);
    if (ty) {
        if (strcasecmp(ty, "date") == 0)
            return RAW_DATE;
        if (strcasecmp(ty, "timestamp_ntz") == 0)
            return RAW_TIMESTAMP_NTZ;
        /* Spark's TIMESTAMP is TIMESTAMP_LTZ (spark.sql.timestampType's
         * default). */
        if (strcasecmp(ty, "timestamp") == 0 || strcasecmp(ty, "timestamp_ltz") == 0)
            return RAW_TIMESTAMP_LTZ;
        return RAW_OTHER;
    }
    return RAW_UNDECLARED;
}

/* The finest dimension date_trunc(unit, c) over the column reference c,
 * -1 if none.  A dimension that is c itself is no candidate: the bound
 * maps onto it as it is (condition 3). */
static int truncated_dimension_of(route *r, json_t *c)
{
    int best = -1;
    for (size_t i = 0; i < r->agg->ndims; i++) {
        const rules_dimension *d = &r->agg->dims[i];
        json_t *df;
        if (d->grain == RULES_GRAIN_NONE ||
            ast_unwrap(d->expr, &df, NULL) != AST_FuncCall || !an_func_name(df) ||
            strcasecmp(an_func_name(df), "date_trunc") != 0 ||
            json_array_size(ast_get(df, "args")) != 2 ||
            !equiv(r, c, json_array_get(ast_get(df, "args"), 1)))
            continue;
        if (best < 0 || d->grain < r->agg->dims[best].grain)
            best = (int)i;
    }
    return best;
}

/* Is the instant us (microseconds, analyze_range.h's units) the first of
 * a bucket of grain g?  Weeks start on Monday (dates_trunc), as Spark's
 * DateTimeUtils.truncDate / truncTimestamp do for TRUNC_TO_WEEK. */
static int on_boundary(long long us, int g)
{
    if (g == RULES_GRAIN_HOUR)
        return us % (3600 * DATES_US_PER_SECOND) == 0;
    if (us % DATES_US_PER_DAY != 0)
        return 0;
    long day = dates_day_of_us(us);
    return dates_trunc(day, g) == day;
}

/* The constant a translated bound compares the dimension with: DATE
 * 'yyyy-mm-dd' at a midnight, else the string 'yyyy-mm-dd hh:00:00',
 * which Spark casts to the dimension's type (TIMESTAMP_NTZ: no zone). */
static json_t *boundary_literal(long long us)
{
    long day = dates_day_of_us(us), y;
    unsigned m, d;
    dates_to_civil(day, &y, &m, &d);
    char text[40];
    long long into = us - (long long)day * DATES_US_PER_DAY;
    if (into == 0) {
        snprintf(text, sizeof text, "%04ld-%02u-%02u", y, m, d);
        return ast_new_typed_literal("date", text);
    }
    snprintf(text, sizeof text, "%04ld-%02u-%02u %02lld:00:00", y, m, d,
             into / (3600 * DATES_US_PER_SECOND));
    return ast_new_string_const(text);
}

/* The value of a constant compared with the raw column, as Spark reads it
 * against a column of type ty: a string is cast to the column's type
 * (Spark's PromoteStrings: stringToDate for a DATE, stringToTimestamp
 * otherwise); a typed value keeps its own.  Returns 0, or -1. */
static int raw_value(route *r, json_t *e, int ty, long long *us)
{
    an_clock clock = {r->ctx->now_days, r->ctx->now_seconds, r->ctx->clock_unknown};
    an_time t;
    if (an_eval_date(&clock, e, &t) < 0)
        return -1;
    *us = ty == RAW_DATE && t.type == AN_TIME_STRING ? t.date_us : t.us;
    return 0;
}

/* The window [lo, hi) that `c op v` (column on the left; constant first
 * is mirrored by the caller) allows c.  Returns 0, or -1 for another op. */
static int raw_window(const char *op, long long v, an_bound *b)
{
    an_bound w = {0, 0, 0, 0};
    if (strcmp(op, ">=") == 0)      { w.has_lo = 1; w.lo = v; }
    else if (strcmp(op, ">") == 0)  { w.has_lo = 1; w.lo = v + 1; }
    else if (strcmp(op, "<") == 0)  { w.has_hi = 1; w.hi = v; }
    else if (strcmp(op, "<=") == 0) { w.has_hi = 1; w.hi = v + 1; }
    else if (strcmp(op, "=") == 0)  { w.has_lo = w.has_hi = 1; w.lo = v; w.hi = v + 1; }
    else
        return -1;
    *b = w;
    return 0;
}

/* A DATE column holds midnights only: c >= v is c >= the first midnight
 * at or after v, and c < v is c < that midnight (Spark compares a DATE
 * with a TIMESTAMP as the TIMESTAMP of its midnight). */
static long long ceil_day(long long us)
{
    long long d = (long long)dates_day_of_us(us) * DATES_US_PER_DAY;
    return d == us ? us : d + DATES_US_PER_DAY;
}

/* One window of the raw column as conditions on dimension d: appended to
 * out (when building).  Returns 0, or -1 (refused) when a side of the
 * window cuts a bucket. */
static int translate_window(route *r, int d, int ty, an_bound w, int single, json_t *out)
{
    const rules_dimension *dim = &r->agg->dims[d];
    if (ty == RAW_DATE) {
        w.lo = w.has_lo ? ceil_day(w.lo) : 0;
        w.hi = w.has_hi ? ceil_day(w.hi) : 0;
    }
    if (single) {
        /* c = v, c IN (...): one whole bucket, or nothing. */
        if (!on_boundary(w.lo, dim->grain) || bucket_end(w.lo, dim->grain) != w.hi)
            return refuse(r, RR_BOUND_CUTS_BUCKET,
                          "an equality on the raw column is not one whole %s of the "
                          "dimension it is truncated to (condition 9)", grain_names[dim->grain]);
        if (r->build)
            json_array_append_new(out, boundary_literal(w.lo));
        return 0;
    }
    if ((w.has_lo && !on_boundary(w.lo, dim->grain)) || (w.has_hi && !on_boundary(w.hi, dim->grain)))
        return refuse(r, RR_BOUND_CUTS_BUCKET,
                      "a bound on the raw column cuts one of the stored dimension's %s "
                      "buckets (condition 9)", grain_names[dim->grain]);
    if (!r->build)
        return 0;
    if (w.has_lo)
        json_array_append_new(out, ast_new_binary_op(">=", ast_new_column_ref(r->qual, dim->name),
                                                    boundary_literal(w.lo)));
    if (w.has_hi)
        json_array_append_new(out, ast_new_binary_op("<", ast_new_column_ref(r->qual, dim->name),
                                                    boundary_literal(w.hi)));
    return 0;
}

/* Condition 9: a WHERE conjunct that bounds the raw column c of a
 * dimension date_trunc(G, c), as a condition on that dimension.  Returns
 * 0 when the conjunct is not such a bound (condition 3 decides it), 1
 * with *out the new condition (json_null() when only deciding), or -1
 * (refused, r->reason set).  *out is a new tree, the caller's. */
static int map_bucket_bound(route *r, json_t *conj, json_t **out)
{
    json_t *f, *lf;
    if (ast_unwrap(conj, &f, NULL) != AST_A_Expr)
        return 0;
    const char *kind = ast_str(f, "kind");
    const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
    json_t *l = ast_get(f, "lexpr"), *rx = ast_get(f, "rexpr"), *col = NULL, *val = NULL;
    int is_op = kind && strcmp(kind, "AEXPR_OP") == 0 && op;
    int mirrored = 0;
    if (ast_unwrap(l, NULL, NULL) == AST_ColumnRef) {
        col = l;
        val = rx;
    } else if (is_op && ast_unwrap(rx, NULL, NULL) == AST_ColumnRef) {
        col = rx;           /* the constant first: 'X' > c */
        val = l;
        mirrored = 1;
    } else {
        return 0;
    }
    if (dimension_of(r, col) >= 0)
        return 0;
    int d = truncated_dimension_of(r, col);
    if (d < 0)
        return 0;
    json_t *cf;
    ast_unwrap(col, &cf, NULL);
    int ty = raw_column_type(r, column_name(cf));
    /* Without a declared type, condition 3 refuses as before. */
    if (ty == RAW_UNDECLARED)
        return 0;
    /* Condition 10: a TIMESTAMP read in the zone both agree on, with no
     * daylight-saving changes, is a wall clock like a TIMESTAMP_NTZ. */
    if (ty == RAW_TIMESTAMP_LTZ) {
        if (zone_refused(r, &r->agg->dims[d]))
            return -1;
        if (!fixed_zone(r->ctx->req->time_zone)) {
            char msg[200];
            snprintf(msg, sizeof msg, "%s is a TIMESTAMP: a bound on it is translated only in "
                     "a zone without daylight-saving changes, not %s (condition 10)",
                     column_name(cf), r->ctx->req->time_zone);
            return refuse(r, RR_TIME_ZONE_NOT_FIXED, "%s", msg);
        }
        ty = RAW_TIMESTAMP_NTZ;
    }
    if (ty == RAW_OTHER)
        return refuse(r, RR_COLUMN_TYPE_UNSUPPORTED,
                      "%s is declared neither DATE nor TIMESTAMP_NTZ (condition 9)",
                      column_name(cf));
    json_t *items = val && ast_unwrap(val, &lf, NULL) == AST_List ? ast_get(lf, "items") : val;
    json_t *conds = r->build ? json_array() : NULL;
    int rc = -1;
    long long v, w;
    if (is_op) {
        static const struct { const char *op, *mirror; } ops[] = {
            {"<", ">"}, {"<=", ">="}, {">", "<"}, {">=", "<="}, {"=", "="}};
        const char *use = NULL;
        for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
            if (strcmp(op, ops[i].op) == 0)
                use = mirrored ? ops[i].mirror : ops[i].op;
        an_bound b;
        if (!use || raw_value(r, val, ty, &v) < 0 || raw_window(use, v, &b) < 0) {
            rc = refuse(r, RR_BOUND_NOT_EXACT,
                        "a condition on %s is not a bound sluice evaluates exactly "
                        "(condition 9)", column_name(cf));
        } else if (strcmp(use, "=") == 0) {
            json_t *one = r->build ? json_array() : NULL;
            rc = translate_window(r, d, ty, b, 1, one);
            if (rc == 0 && r->build)
                json_array_append_new(conds, ast_new_binary_op(
                    "=", ast_new_column_ref(r->qual, r->agg->dims[d].name),
                    json_incref(json_array_get(one, 0))));
            arena_json_release(one);
        } else {
            rc = translate_window(r, d, ty, b, 0, conds);
        }
    } else if (kind && strcmp(kind, "AEXPR_BETWEEN") == 0 && json_array_size(items) == 2) {
        an_bound b = {1, 1, 0, 0};
        if (raw_value(r, json_array_get(items, 0), ty, &v) < 0 ||
            raw_value(r, json_array_get(items, 1), ty, &w) < 0) {
            rc = refuse(r, RR_BOUND_NOT_EXACT,
                        "a BETWEEN on %s has a bound sluice does not evaluate exactly "
                        "(condition 9)", column_name(cf));
        } else {
            b.lo = v;
            b.hi = w + 1;       /* BETWEEN includes its upper end */
            rc = translate_window(r, d, ty, b, 0, conds);
        }
    } else if (kind && strcmp(kind, "AEXPR_IN") == 0 && op && strcmp(op, "=") == 0 &&
               json_array_size(items) > 0) {
        json_t *list = r->build ? json_array() : NULL;
        size_t i;
        json_t *e;
        rc = 0;
        json_array_foreach(items, i, e) {
            an_bound b;
            if (raw_value(r, e, ty, &v) < 0 || raw_window("=", v, &b) < 0) {
                rc = refuse(r, RR_BOUND_NOT_EXACT,
                            "an IN list on %s holds a value sluice does not evaluate "
                            "exactly (condition 9)", column_name(cf));
                break;
            }
            if ((rc = translate_window(r, d, ty, b, 1, list)) < 0)
                break;
        }
        if (rc == 0 && r->build) {
            json_t *lst = json_object();
            json_object_set_new(lst, "items", list);
            json_t *in = ast_new_binary_op("=", ast_new_column_ref(r->qual, r->agg->dims[d].name),
                                           ast_new_node("List", lst));
            json_object_set_new(ast_get(in, "A_Expr"), "kind", json_string("AEXPR_IN"));
            json_array_append_new(conds, in);
            list = NULL;
        }
        arena_json_release(list);
    } else {
        rc = refuse(r, RR_RAW_COLUMN_CONDITION,
                    "a condition on %s other than a comparison with a constant, BETWEEN or "
                    "IN (condition 9)", column_name(cf));
    }
    if (rc < 0) {
        arena_json_release(conds);
        return -1;
    }
    if (!r->build) {
        *out = json_null();
    } else if (json_array_size(conds) == 1) {
        *out = json_incref(json_array_get(conds, 0));
        arena_json_release(conds);
    } else {
        *out = ast_new_bool_expr("AND_EXPR", conds);
    }
    return 1;
}

/* Condition 8: the block's filters bound the time dimension from above
 * at or before fresh_through.  An exclusive upper bound hi on a
 * dimension stored at grain g admits the whole bucket holding the last
 * value before hi, so the rows it reads end where that bucket ends.
 * Bounds are exact to the microsecond (analyze_range.h): a bound that
 * sluice cannot evaluate exactly is no bound. */
static int union_column_type(void *rt, const char *col)
{
    int t = raw_column_type(rt, col);
    return t == RAW_DATE ? AGU_TYPE_DATE : t == RAW_TIMESTAMP_NTZ ? AGU_TYPE_TIMESTAMP_NTZ
         : t == RAW_TIMESTAMP_LTZ ? AGU_TYPE_TIMESTAMP_LTZ : AGU_TYPE_OTHER;
}

static int union_equiv(void *rt, json_t *q, json_t *d)
{
    return equiv(rt, q, d);
}

/* The block as aggregate_union.c reads it. */
static agu_block union_block(route *r, long fresh_through)
{
    const char *tz = r->ctx->req->time_zone;
    int zone = !tz ? AGU_ZONE_UNKNOWN : same_zone(tz, r->agg->time_zone) ? AGU_ZONE_SAME
                                                                          : AGU_ZONE_OTHER;
    return (agu_block){r->ctx, r->agg, r->blk, r->item, r->join != NULL, fresh_through, zone,
                       union_equiv, union_column_type, r};
}

static int fresh_enough(route *r)
{
    const rules_aggregate *a = r->agg;
    long fresh_through;
    memset(&r->uni, 0, sizeof r->uni);
    if (!agu_fresh_through(r->ctx, a, &fresh_through))     /* the request's, or the rules' */
        return 1;
    const rules_dimension *td = &a->dims[a->time_dim];
    int g = td->grain ? td->grain : RULES_GRAIN_DAY;
    long long end = LLONG_MAX;
    an_clock clock = {r->ctx->now_days, r->ctx->now_seconds, r->ctx->clock_unknown};
    an_bound b;
    json_t *tf;
    if (ast_unwrap(td->expr, &tf, NULL) == AST_ColumnRef &&
        an_range_bounds(&clock, check_resolution(r->ctx), r->item, column_name(tf), &b) == 0 &&
        b.has_hi)
        end = bucket_end(b.hi - 1, g);
    /* A dimension date_trunc(G, c): a bound on the raw column c (condition
     * 9) ends the rows read at the end of the bucket holding its last
     * value. */
    json_t *raw = NULL, *rf;
    if (ast_unwrap(td->expr, &tf, NULL) == AST_FuncCall && an_func_name(tf) &&
        strcasecmp(an_func_name(tf), "date_trunc") == 0 &&
        json_array_size(ast_get(tf, "args")) == 2)
        raw = json_array_get(ast_get(tf, "args"), 1);
    if (raw && ast_unwrap(raw, &rf, NULL) == AST_ColumnRef && column_name(rf) &&
        an_range_bounds(&clock, check_resolution(r->ctx), r->item, column_name(rf), &b) == 0 &&
        b.has_hi && bucket_end(b.hi - 1, g) < end)
        end = bucket_end(b.hi - 1, g);
    for (size_t i = 0; i < r->blk->nwhere; i++) {
        json_t *f, *lf;
        if (ast_unwrap(r->blk->where[i], &f, NULL) != AST_A_Expr)
            continue;
        const char *kind = ast_str(f, "kind");
        const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
        json_t *l = ast_get(f, "lexpr"), *rx = ast_get(f, "rexpr");
        if (strcmp(kind, "AEXPR_OP") == 0 && op && equiv(r, l, td->expr)) {
            if (an_comparison_bound(&clock, op, rx, 1, &b) < 0)
                continue;
        } else if (strcmp(kind, "AEXPR_OP") == 0 && op && equiv(r, rx, td->expr)) {
            /* The constant first: 'X' > dimension. */
            if (an_comparison_bound(&clock, op, l, 0, &b) < 0)
                continue;
        } else if (strcmp(kind, "AEXPR_BETWEEN") == 0 && equiv(r, l, td->expr)) {
            json_t *items = ast_unwrap(rx, &lf, NULL) == AST_List ? ast_get(lf, "items") : rx;
            if (an_comparison_bound(&clock, "<=", json_array_get(items, 1), 1, &b) < 0)
                continue;
        } else {
            continue;
        }
        if (!b.has_hi)
            continue;
        long long e = bucket_end(b.hi - 1, g);
        if (e < end)
            end = e;
    }
    if (end <= ((long long)fresh_through + 1) * DATES_US_PER_DAY)
        return 1;
    if (!a->stale_union)
        return refuse(r, RR_STALE,
                      "the query may read days after fresh_through of %s (no upper bound on "
                      "its time dimension at or before that day)", a->table_written) + 1;
    /* "stale": "union" (aggregate_union.c, U2-U6) */
    agu_block u = union_block(r, fresh_through);
    char why[200];
    route_reason code;
    if (agu_decide(&u, &r->uni, &code, why, sizeof why) < 0)
        return refuse(r, code, "%s", why) + 1;
    return 1;
}

/* ---- conditions 15-17: groups the stored groups are -------------------- */

/* Condition 15: a block that groups its rows (GROUP BY, grouping sets, or
 * SELECT DISTINCT without aggregates, which block_shape let through) is
 * answered only from an aggregate that has groups too: a global
 * aggregate's one row exists over no rows, where GROUP BY 'x' or SELECT
 * DISTINCT 1 gives none.  Returns 0, or -1 refused. */
static int groups_served(route *r)
{
    const an_block *blk = r->blk;
    int distinct_only = blk->ngroup == 0 && blk->naggs == 0 && !blk->grouping_sets;
    if (r->agg->ndims == 0 && (blk->ngroup > 0 || blk->grouping_sets || distinct_only))
        return refuse(r, RR_GLOBAL_AGGREGATE,
                      "%s has no GROUP BY: its one row exists even where no source row does, "
                      "and the query groups its rows (condition 15)", r->agg->table_written);
    if (distinct_only && r->join)
        return refuse(r, RR_JOIN_NOT_COVERED, "%s", "SELECT DISTINCT without aggregates over "
                      "a join is not routed (condition 15)");
    return 0;
}

/* Condition 16: Spark's field extractions of a date or time
 * (FunctionRegistry.scala's datetime expressions: Hour, ToDate, DayOfMonth,
 * DayOfWeek, WeekDay, DayOfYear, WeekOfYear, Month, Quarter, Year) and
 * the grain whose buckets each is constant on.  f(date_trunc(G, x)) =
 * f(x) when every G-bucket lies inside one of those buckets: rolls_up(G,
 * grain), condition 4's rule (a week straddles months, quarters and
 * years; weekofyear is the ISO week, Monday to Sunday as date_trunc's
 * weeks). */
static const struct { const char *name; int grain; } extractions[] = {
    {"hour", RULES_GRAIN_HOUR},
    {"date", RULES_GRAIN_DAY},          /* a cast alias: CAST(x AS DATE) */
    {"to_date", RULES_GRAIN_DAY},       /* one argument: CAST(x AS DATE) */
    {"day", RULES_GRAIN_DAY}, {"dayofmonth", RULES_GRAIN_DAY},
    {"dayofweek", RULES_GRAIN_DAY},     /* 1 = Sunday .. 7 = Saturday */
    {"weekday", RULES_GRAIN_DAY},       /* 0 = Monday .. 6 = Sunday */
    {"dayofyear", RULES_GRAIN_DAY},
    {"weekofyear", RULES_GRAIN_WEEK},
    {"month", RULES_GRAIN_MONTH},
    {"quarter", RULES_GRAIN_QUARTER},
    {"year", RULES_GRAIN_YEAR},
};

/* Condition 16: f(x), f a field extraction and x the argument of stored
 * truncations (and not itself built from dimensions): f over the stored
 * column of a truncation whose grain determines f.  *done is 0 when the
 * call is no such extraction (the generic mapping decides); else the
 * result is the mapped call, or NULL refused. */
static json_t *map_extraction(route *r, json_t *f, int depth, int *done)
{
    *done = 0;
    const char *fn = an_func_name(f);
    json_t *args = ast_get(f, "args");
    int grain = RULES_GRAIN_NONE;
    for (size_t i = 0; fn && i < sizeof extractions / sizeof *extractions; i++)
        if (strcasecmp(fn, extractions[i].name) == 0)
            grain = extractions[i].grain;
    if (grain == RULES_GRAIN_NONE || json_array_size(args) != 1 ||
        json_is_true(ast_get(f, "agg_distinct")))
        return NULL;
    json_t *x = json_array_get(args, 0), *dx;
    int best = -1, coarse = RULES_GRAIN_NONE;
    for (size_t i = 0; i < r->agg->ndims; i++) {
        const rules_dimension *d = &r->agg->dims[i];
        if (d->grain == RULES_GRAIN_NONE || an_trunc_call(d->expr, NULL, &dx) == AN_TRUNC_NONE ||
            !equiv(r, x, dx))
            continue;
        if (!rolls_up(d->grain, grain)) {
            if (coarse == RULES_GRAIN_NONE || d->grain < coarse)
                coarse = d->grain;
        } else if (best < 0 || d->grain < r->agg->dims[best].grain) {
            best = (int)i;
        }
    }
    if (best < 0 && coarse == RULES_GRAIN_NONE)
        return NULL;                    /* x is truncated by no dimension */
    /* x itself built from dimensions (the aggregate stores x too): the
     * generic mapping, f over x's mapping. */
    int had = r->reason[0] != '\0', was = r->build;
    route_reason code = r->code;
    r->build = 0;
    json_t *direct = map_expr(r, x, 0, depth + 1);
    r->build = was;
    if (!had) {
        r->reason[0] = '\0';
        r->code = code;
    }
    if (direct)
        return NULL;
    *done = 1;
    if (best < 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "%.40s(...) cannot be read from a dimension stored at %s "
                 "grain (condition 16)", fn, grain_names[coarse]);
        refuse(r, RR_GRAIN_TOO_COARSE, "%s", msg);
        return NULL;
    }
    /* The field and the stored truncation read in one zone: a DATE, a
     * TIMESTAMP_NTZ, or a TIMESTAMP truncated in the request's zone
     * (condition 10). */
    json_t *xf;
    const char *col = ast_unwrap(x, &xf, NULL) == AST_ColumnRef &&
                      qualifier_is_item(r, xf, column_name(xf)) ? column_name(xf) : NULL;
    int ty = col ? raw_column_type(r, col) : RAW_UNDECLARED;
    if (ty == RAW_TIMESTAMP_LTZ && zone_refused(r, &r->agg->dims[best]) < 0)
        return NULL;
    if (ty == RAW_OTHER) {
        refuse(r, RR_COLUMN_TYPE_UNSUPPORTED, "%s is declared neither DATE nor TIMESTAMP_NTZ "
               "(condition 16)", col);
        return NULL;
    }
    if (ty == RAW_UNDECLARED) {
        refuse(r, RR_TYPE_UNKNOWN, "%s(...) reads a stored truncation only of a column "
               "declared DATE or TIMESTAMP_NTZ (tables[].columns, condition 16)", fn);
        return NULL;
    }
    if (!r->build)
        return json_null();
    json_t *na = json_array();
    json_array_append_new(na, ast_new_column_ref(r->qual, r->agg->dims[best].name));
    return ast_new_func_call(fn, na);
}

/* Condition 17: COUNT(DISTINCT e) from a stored COUNT(DISTINCT e) when
 * the block's groups are the stored groups.  *found is 0 when the
 * aggregate stores no such count (the caller gives condition 6's
 * reason); else the result is the summed count, or NULL refused. */
static json_t *map_stored_distinct_count(route *r, json_t *f, int *found)
{
    json_t *args = ast_get(f, "args");
    const rules_measure *m = NULL;
    *found = 0;
    for (size_t i = 0; i < r->agg->nmeasures && !m && json_array_size(args) == 1; i++) {
        const rules_measure *c = &r->agg->measures[i];
        if (c->distinct && !c->star && strcmp(c->func, "count") == 0 &&
            equiv(r, json_array_get(args, 0), c->arg))
            m = c;
    }
    if (!m)
        return NULL;
    *found = 1;
    const an_block *blk = r->blk;
    if (blk->grouping_sets || r->join) {
        refuse(r, RR_DISTINCT_COUNT_REGROUPED, "the stored COUNT(DISTINCT) %s is read only "
               "without grouping sets or a join (condition 17)", m->name);
        return NULL;
    }
    for (size_t d = 0; d < r->agg->ndims; d++) {
        int keyed = 0;
        for (size_t k = 0; k < blk->ngroup && !keyed; k++)
            keyed = dimension_of(r, blk->group[k].expr) == (int)d;
        if (!keyed) {
            char msg[200];
            snprintf(msg, sizeof msg, "the stored COUNT(DISTINCT) %s counts per group of "
                     "every dimension; the query does not group by %s (condition 17)", m->name,
                     r->agg->dims[d].name);
            refuse(r, RR_DISTINCT_COUNT_REGROUPED, "%s", msg);
            return NULL;
        }
    }
    return r->build ? summed_count(r, m->name) : json_null();
}

/* Is the output name of select item i invisible outside the block: an
 * IN / EXISTS / scalar subquery, or a CTE or derived table whose alias
 * list names that position (WITH d (a, b) AS (...), (...) AS d (a, b))? */
static int name_hidden(const an_block *blk, size_t i)
{
    if (blk->in_expression)
        return 1;
    json_t *colnames = blk->derived ? ast_get(ast_get(blk->derived->node, "alias"), "colnames")
                     : blk->cte ? blk->cte->colnames : NULL;
    return i < json_array_size(colnames);   /* renamed by position, set operations too */
}

/* Conditions 1 and 2, which no aggregate changes: the block reads the
 * source alone and aggregates in a form routing can map.  Returns 0, or
 * -1 with the reason in r. */
static int block_shape(route *r)
{
    an_block *blk = r->blk;
    json_t *sel = blk->select;
    /* 1 (a join: J1-J3 of aggregate_joins.c) */
    if (r->join && r->join->why)
        return refuse(r, r->join->code, "%s", r->join->why);
    if (!r->join && (blk->nitems != 1 || blk->items[0] != r->item || r->item->join))
        return refuse(r, RR_JOIN_NOT_COVERED,
                      "%s", "the block reads more than the aggregate's source (joins or "
                      "several FROM items)");
    if (blk->ngroup == 0 && blk->naggs == 0 && !blk->grouping_sets &&
        (!ast_get(sel, "distinctClause") || ast_get(sel, "havingClause")))   /* 15 */
        return refuse(r, RR_NOT_AGGREGATING, "%s", "the block does not aggregate");
    /* 2 (GROUPING SETS / ROLLUP / CUBE: condition 14) */
    if (blk->has_window || ast_get(sel, "sl_qualify") || ast_get(sel, "windowClause"))
        return refuse(r, RR_WINDOW_FUNCTION, "%s", "a window function or QUALIFY is used");
    if (blk->unknown_function)
        return refuse(r, RR_UNKNOWN_FUNCTION,
                      "%s(...) is not in Spark's function registry (a UDF, or a built-in "
                      "sluice does not know): whether it aggregates, generates rows or is "
                      "deterministic is unknown", blk->unknown_function);
    if (blk->has_generator || blk->nondeterministic)
        return refuse(r, RR_NONDETERMINISTIC,
                      "%s", "a generator or a non-deterministic function is used");
    static const char *const unsupported[] = {"sl_sort_by", "sl_distribute_by", "sl_cluster_by",
                                              "lockingClause", "intoClause", NULL};
    for (int i = 0; unsupported[i]; i++)
        if (ast_get(sel, unsupported[i]))
            return refuse(r, RR_ROW_ORDER, "%s", "SORT / DISTRIBUTE / CLUSTER BY is used");
    json_t *lc = ast_get(sel, "limitCount"), *lo = ast_get(sel, "limitOffset");
    if ((lc && ast_unwrap(lc, NULL, NULL) != AST_A_Const) ||
        (lo && ast_unwrap(lo, NULL, NULL) != AST_A_Const))
        return refuse(r, RR_LIMIT_NOT_CONSTANT, "%s", "LIMIT or OFFSET is not a constant");
    return 0;
}

/* equiv() for aggregate_joins.c */
static int equiv_hook(void *ctx, json_t *q, json_t *d)
{
    return equiv(ctx, q, d);
}

/* aggregate_joins.c's J4: is e (a fact column) stored as a dimension
 * that is that column itself? */
static int stored_key(void *ctx, json_t *e)
{
    route *r = ctx;
    int d = dimension_of(r, e);
    return d >= 0 && ast_unwrap(r->agg->dims[d].expr, NULL, NULL) == AST_ColumnRef;
}

static int check_block(route *r, routed *out)
{
    an_block *blk = r->blk;
    json_t *sel = blk->select;
    const rules_aggregate *a = r->agg;
    if (block_shape(r) < 0 || groups_served(r) < 0)
        return -1;
    /* 3, 4: GROUP BY keys.  GROUP BY ALL stays as it is: its keys are the
     * routed select items without an aggregate, which are the mapped
     * keys (a mapped key holds no aggregate, a mapped aggregate item
     * keeps one); written out, a constant item would be an integer that
     * Spark reads as a position (SELECT 3 AS tier ... GROUP BY 3). */
    int group_by_all = an_is_group_by_all(ast_get(sel, "groupClause"));
    out->group = r->build && !group_by_all ? json_array() : NULL;
    for (size_t i = 0; i < blk->ngroup; i++) {
        if (blk->group[i].via_alias)
            return refuse(r, RR_GROUP_BY_ALIAS, "%s", "a GROUP BY key names a select-list alias");
        int was = r->build;
        r->build = 0;
        json_t *m = map_expr(r, blk->group[i].expr, 0, 0);
        r->build = was;
        if (!m)
            return -1;
        json_t *written = blk->group[i].written, *wf;
        if (!r->build || group_by_all)
            continue;
        if (ast_unwrap(written, &wf, NULL) == AST_A_Const) {
            json_array_append_new(out->group, json_deep_copy(written));
        } else {
            m = map_expr(r, written, 0, 0);
            if (!m)
                return -1;
            json_array_append_new(out->group, m);
        }
    }
    if (blk->grouping_sets) {       /* 14 */
        arena_json_release(out->group);
        out->group = NULL;
        json_t *g = map_grouping_clause(r, ast_get(sel, "groupClause"));
        if (!g)
            return -1;
        out->group = r->build ? g : NULL;
    }
    /* 5, 3: WHERE */
    json_t *where = map_where(r);
    if (!where)
        return -1;
    out->where = r->build ? where : NULL;
    /* J7, J8: an aggregate over a join; J4, J5: join-back (aggregate_joins.c) */
    if (r->agg->dim) {
        char why[240];
        route_reason code;
        if (agj_same_graph(r->ctx->rules, r->join, r->agg, equiv_hook, r, &code, why,
                           sizeof why) < 0)
            return refuse(r, code, "%s", why);
    } else if (r->join) {
        char why[240];
        route_reason code;
        if (agj_check_on(check_resolution(r->ctx), r->join, stored_key, r, &code, why,
                         sizeof why) < 0)
            return refuse(r, code, "%s", why);
        json_t *on = map_expr(r, agj_on(r->join), 0, 0);
        if (!on)
            return -1;
        out->on = r->build ? on : NULL;
    }
    /* 6, 7: the select list */
    out->targets = r->build ? json_array() : NULL;
    for (size_t i = 0; i < blk->noutputs; i++) {
        const an_output *o = &blk->outputs[i];
        if (o->star)
            return refuse(r, RR_SELECT_STAR, "%s", "SELECT * is used");
        /* Deciding only: an unaliased expression still has to be built to
         * see whether it changes (condition 7). */
        int was = r->build;
        if (!ast_get(o->target, "name") && !name_hidden(blk, i) &&
            ast_unwrap(o->expr, NULL, NULL) != AST_ColumnRef)
            r->build = 1;
        json_t *m = map_expr(r, o->expr, 1, 0);
        int built = r->build;
        r->build = was;
        if (!m)
            return -1;
        if (!built)
            continue;
        /* A new entry: every field of the old one but its expression
         * (copying the old expression only to drop it costs). */
        json_t *rt = json_object();
        const char *fk;
        json_t *fv;
        json_object_foreach(o->target, fk, fv)
            if (strcmp(fk, "val") != 0)
                json_object_set_new(rt, fk, json_deep_copy(fv));
        json_object_set(rt, "val", o->expr);   /* replaced below if it changes */
        int changed = !ast_equal_ignoring_locations(m, o->expr);
        if (changed && !ast_get(rt, "name") && !name_hidden(blk, i) &&
            ast_unwrap(o->expr, NULL, NULL) != AST_ColumnRef) {
            arena_json_release(m);
            arena_json_release(rt);
            return refuse(r, RR_OUTPUT_NAME_CHANGES,
                          "%s", "a select-list expression without an alias would change "
                          "its output name");
        }
        if (changed) {
            ast_replace_target_expr(rt, m);     /* keeps the output name */
        } else {
            json_object_set_new(rt, "val", m);  /* the same expression, copied */
        }
        if (r->build)
            json_array_append_new(out->targets, ast_new_node("ResTarget", rt));
        else
            arena_json_release(rt);
    }
    /* 6: HAVING and ORDER BY */
    json_t *having = ast_get(sel, "havingClause");
    json_t *mh = having ? map_clause_with_aliases(r, having, 0) : NULL;
    if (having && !mh)
        return -1;
    out->having = r->build ? mh : NULL;
    json_t *sort = ast_get(sel, "sortClause");
    json_t *ms = sort ? map_sort(r, sort) : NULL;
    if (sort && !ms)
        return -1;
    out->sort = r->build ? ms : NULL;
    /* 8 */
    if (!fresh_enough(r))
        return -1;
    (void)a;
    return 0;
}

/* Replace the block's clauses and its FROM item (see ast_edit.h: the
 * analysis describes the block as it was). */
static void apply(route *r, routed *o)
{
    json_t *sel = r->blk->select;
    const rules_aggregate *a = r->agg;
    /* What this replaces stays alive until the rule returns (the driver's
     * deferral, ast_edit.h), so the analysis of the other blocks, which
     * may point into it (a set operation's first branch names the others'
     * columns), stays valid while they are looked at. */
    static const char *const replaced[] = {"targetList", "whereClause", "groupClause",
                                           "havingClause", "sortClause", "fromClause", NULL};
    for (int i = 0; replaced[i]; i++)
        ast_defer_delete(ast_get(sel, replaced[i]));
    json_t *written_where = ast_get(sel, "whereClause");    /* kept alive until the rule returns */
    json_object_set(sel, "targetList", o->targets);
    if (json_is_null(o->where))
        json_object_del(sel, "whereClause");
    else
        json_object_set(sel, "whereClause", o->where);
    if (json_array_size(o->group))
        json_object_set(sel, "groupClause", o->group);
    if (o->having)
        json_object_set(sel, "havingClause", o->having);
    if (o->sort)
        json_object_set(sel, "sortClause", o->sort);
    /* The aggregate table, under the block's alias or the source's name. */
    char parts[3][256];
    const char *t = a->table_written;
    for (int i = 0; i < 3; i++) {
        const char *dot = i < 2 ? strchr(t, '.') : t + strlen(t);
        size_t n = (size_t)(dot - t);
        snprintf(parts[i], sizeof parts[i], "%.*s", (int)n, t);
        t = dot + (i < 2);
    }
    json_t *old = r->item->node;
    json_t *alias = ast_get(old, "alias");
    const char *alias_name = json_string_value(ast_get(alias, "aliasname"));
    const char *relname = json_string_value(ast_get(old, "relname"));
    json_t *table = ast_new_range_var(parts[0], parts[1], parts[2],
                                      alias_name ? alias_name : (relname ? relname : parts[2]));
    if (r->uni.on) {
        /* Past fresh_through: the aggregate's whole buckets and the
         * source's newest rows (aggregate_union.c), each branch filtered
         * as the block is. */
        long fresh_through;
        agu_fresh_through(r->ctx, a, &fresh_through);
        agu_block u = union_block(r, fresh_through);
        arena_json_release(table);
        table = agu_union_item(&u, &r->uni, o->where, written_where,
                               alias_name ? alias_name : (relname ? relname : parts[2]));
        json_object_del(sel, "whereClause");
    }
    /* Condition 1 made the source the block's only FROM item, or J1 one
     * side of its only join. */
    int join_back = r->join && !a->dim;     /* an aggregate over the join replaces it */
    json_t *from = join_back ? agj_from_clause(r->join, table, o->on) : json_array();
    if (!join_back)
        json_array_append_new(from, table);
    json_object_set_new(sel, "fromClause", from);
}

static long long table_rows(const rules *ru, const rules_aggregate *a)
{
    const rules_table *t = rules_find_table(ru, a->table);
    return t && t->rows >= 0 ? t->rows : LLONG_MAX;
}

/* The estimated rows a routing saves: the rules' "rows" of the source
 * table minus the aggregate's (agg_rows, LLONG_MAX when unknown); -1
 * (no estimate) unless both are known and the source holds more. */
static long long rows_saved(const rules *ru, const char *source, long long agg_rows)
{
    const rules_table *t = rules_find_table(ru, source);
    if (!t || t->rows < 0 || agg_rows == LLONG_MAX || t->rows < agg_rows)
        return -1;
    return t->rows - agg_rows;
}

/* The names of the source item's columns a block reads (select list,
 * WHERE, GROUP BY, HAVING, ORDER BY) by their bindings: a reference
 * bound to another item, an alias, a lambda variable or nothing sure is
 * not counted (this is only a quick "no"; the full check decides).
 * Borrowed strings, in *names (malloc'd). */
typedef struct name_list { const char **v; size_t n; } name_list;

typedef struct column_walk { const resolution *res; const an_item *item; name_list *out; } column_walk;

/* Not entered: subqueries (their columns are their own) and parts
 * deeper than AN_MAX_DEPTH. */
static ast_walk_rc note_block_column(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    column_walk *cw = w->ctx;
    (void)node;
    if (k == AST_SubLink || k == AST_SelectStmt)
        return AST_WALK_PRUNE;
    if (k != AST_ColumnRef)
        return AST_WALK_CONTINUE;
    const rs_binding *b = resolve_lookup(cw->res, f);
    if (!b || (b->kind != RS_COLUMN && b->kind != RS_FIELD) || b->item != cw->item ||
        !b->column)
        return AST_WALK_PRUNE;
    const char *col = b->column;
    name_list *out = cw->out;
    for (size_t i = 0; i < out->n; i++)
        if (out->v[i] == col || strcasecmp(out->v[i], col) == 0)
            return AST_WALK_PRUNE;
    if (out->n == 0 || (out->n >= 4 && (out->n & (out->n - 1)) == 0))
        out->v = xrealloc(out->v, (out->n ? out->n * 2 : 4) * sizeof *out->v);
    out->v[out->n++] = col;
    return AST_WALK_PRUNE;
}

static void block_columns(const resolution *res, const an_item *item, json_t *v, name_list *out)
{
    column_walk cw = {res, item, out};
    ast_walker w = {.fn = note_block_column, .ctx = &cw, .max_depth = AN_MAX_DEPTH};
    ast_walk(&w, v);
}

/* A quick "no": a column the block reads that the aggregate does not
 * store.  NULL if every column is stored (the full check decides). */
static const char *unstored_column(const rules_aggregate *a, const name_list *cols)
{
    for (size_t i = 0; i < cols->n; i++) {
        int found = 0;
        for (size_t k = 0; k < a->ncolumns && !found; k++)
            found = strcasecmp(a->columns[k], cols->v[i]) == 0;
        if (!found)
            return cols->v[i];
    }
    return NULL;
}

static void report_warn_candidate(check_ctx *ctx, an_item *item, const rules_aggregate *a)
{
    long long rows = table_rows(ctx->rules, a);
    char size[48] = "";
    if (rows != LLONG_MAX)
        snprintf(size, sizeof size, " (%lld rows)", rows);
    check_report_code(ctx, RULE_AGGREGATE_ROUTING, SL_SEVERITY_WARNING, item->location,
                      route_reason_code(RR_ROUTABLE), rows_saved(ctx->rules, item->qualified, rows),
                      "this aggregate of %s could be answered from %s%s", item->qualified,
                      a->table_written, size);
}

/* A join of the fact `item` in blk: J1-J3 (aggregate_joins.c), the same
 * for every aggregate, in *storage (NULL when the block reads the fact
 * alone); *qual then the qualifier the aggregate's columns are written
 * with. */
static const agj_join *fact_join(const rules *ru, an_block *blk, an_item *item,
                                 agj_join *storage, const char **qual)
{
    *qual = NULL;
    if (blk->nitems == 1 && !item->join)
        return NULL;
    agj_shape(ru, blk, item, storage);
    *qual = json_string_value(ast_get(ast_get(item->node, "alias"), "aliasname"));
    if (!*qual)
        *qual = json_string_value(ast_get(item->node, "relname"));
    if (!*qual)
        *qual = item->alias;
    return storage;
}

/* Route one block if some aggregate qualifies.  Returns 1 if the tree
 * changed. */
static int route_block(check_ctx *ctx, an_block *blk)
{
    const rules *ru = ctx->rules;
    /* The block's scan of some aggregate's source, if it has one. */
    an_item *item = NULL;
    for (size_t k = 0; k < blk->nitems && !item; k++)
        for (size_t i = 0; i < ru->naggregates && !item; i++)
            if (blk->items[k]->kind == AN_TABLE && blk->items[k]->qualified &&
                strcmp(ru->aggregates[i].source, blk->items[k]->qualified) == 0)
                item = blk->items[k];
    if (!item)
        return 0;
    /* A sample of the source, or an older version of it (time travel),
     * aggregates to other numbers than the aggregate table holds now. */
    if (item->sampled || item->historical)
        return 0;
    /* Row-level security: the source has row filters for this user
     * (row_filter.c, which runs before and made this block the scan's
     * own derived table).  The aggregate holds every user's groups and
     * sluice does not apply the filter to it (BigQuery refuses rewrites
     * over fine-grained security alike). */
    if (row_filter_applies(ctx, item)) {
        if (ctx->req->explain || ctx->req->mode == SL_MODE_LINT)
            check_report_code(ctx, RULE_AGGREGATE_ROUTING, SL_SEVERITY_INFO, item->location,
                              route_reason_code(RR_RLS_NOT_COVERED), -1,
                              "not routed: %s has row filters for this user, which no "
                              "aggregate carries", item->qualified);
        return 0;
    }
    /* FROM transactions AS t (a, b, ...) renames the table's columns by
     * position; without its schema the names the block uses cannot be
     * matched to the aggregate's (an_reach_names_known). */
    if (!an_reach_names_known(item)) {
        if (ctx->req->explain || ctx->req->mode == SL_MODE_LINT)
            check_report_code(ctx, RULE_AGGREGATE_ROUTING, SL_SEVERITY_INFO, item->location,
                              route_reason_code(RR_COLUMNS_RENAMED), -1,
                              "not routed: an alias list renames the columns of %s by "
                              "position, which sluice cannot follow without its schema",
                              item->qualified);
        return 0;
    }
    /* Candidates in the rules' order of preference: the first that
     * answers without a union wins, so the rest are only looked at to
     * explain; one that needs a union (past fresh_through) wins only when
     * no later one answers without. */
    route best = {0};
    routed best_out = {0};
    int have = 0;
    int explain = ctx->req->explain || ctx->req->mode == SL_MODE_LINT;
    /* A block of a shape no aggregate can answer is refused by every
     * candidate alike: without explaining, nothing more to look at. */
    /* A join of the fact: J1-J3 (aggregate_joins.c), the same for every
     * aggregate; the aggregate's columns are then written qualified. */
    agj_join join;
    const char *qual = NULL;
    const agj_join *jp = fact_join(ru, blk, item, &join, &qual);
    route shape = {.ctx = ctx, .blk = blk, .item = item, .join = jp, .qual = qual};
    if (!explain && block_shape(&shape) < 0)
        return 0;
    name_list cols = {NULL, 0};
    const resolution *res = check_resolution(ctx);
    static const char *const clauses[] = {"targetList", "whereClause", "groupClause",
                                          "havingClause", "sortClause", NULL};
    for (int c = 0; clauses[c]; c++)
        block_columns(res, item, ast_get(blk->select, clauses[c]), &cols);
    for (size_t n = 0; n < ru->naggregates && (!have || explain || best.uni.on); n++) {
        const rules_aggregate *a = &ru->aggregates[ru->aggregate_order[n]];
        if (a->enforce == RULES_ENFORCE_OFF || strcmp(a->source, item->qualified) != 0)
            continue;
        int why = ctx->req->explain ||
                  (ctx->req->mode == SL_MODE_LINT && a->enforce == RULES_ENFORCE_WARN);
        if (have && !why && !best.uni.on)
            continue;
        route r = {.ctx = ctx, .agg = a, .blk = blk, .item = item, .join = jp, .qual = qual};
        routed out = {0};
        if (!why && unstored_column(a, &cols))
            continue;       /* the full check would fail too */
        if (check_block(&r, &out) < 0) {
            /* Why not: on request, and always in lint for "warn" aggregates
             * (that is how chart owners learn what would make them fast). */
            if (why)
                check_report_code(ctx, RULE_AGGREGATE_ROUTING, SL_SEVERITY_INFO,
                                  item->location, route_reason_code(r.code), -1,
                                  "not routed onto %s: %s", a->table_written, r.reason);
            routed_free(&out);
            continue;
        }
        routed_free(&out);
        if (a->enforce == RULES_ENFORCE_WARN) {
            /* A "warn" aggregate says it could serve, and the next
             * candidate is still tried (one the block is routed onto
             * already goes without saying). */
            if (!have)
                report_warn_candidate(ctx, item, a);
            continue;
        }
        if (!have || (best.uni.on && !r.uni.on)) {
            /* The winner: now build its clauses. */
            r.build = 1;
            if (check_block(&r, &out) < 0) {
                routed_free(&out);
                continue;
            }
            if (have)
                routed_free(&best_out);
            best = r;
            best_out = out;
            have = 1;
        }
    }
    free(cols.v);
    if (!have)
        return 0;
    long long rows = table_rows(ru, best.agg);
    char size[48] = "";
    if (rows != LLONG_MAX)
        snprintf(size, sizeof size, " (%lld rows)", rows);
    long long saved = rows_saved(ru, item->qualified, rows);
    apply(&best, &best_out);
    char uni[160] = "";
    if (best.uni.on) {
        long fresh_through;
        agu_fresh_through(ctx, best.agg, &fresh_through);
        agu_block u = union_block(&best, fresh_through);
        agu_describe(&u, &best.uni, uni, sizeof uni);
    }
    check_report_code(ctx, RULE_AGGREGATE_ROUTING, SL_SEVERITY_INFO, item->location,
                      route_reason_code(RR_ROUTED), saved,
                      "routed onto %s%s%s instead of %s", best.agg->table_written, size, uni,
                      item->qualified);
    routed_free(&best_out);
    return 1;
}

/* ---- on_miss: a block over a must-route table that nothing answers -- */

/* The strictest on_miss among the tables entries. */
static rules_on_miss strictest_on_miss(const rules *ru)
{
    rules_on_miss m = RULES_ON_MISS_ALLOW;
    for (size_t i = 0; i < ru->ntables; i++)
        if (ru->tables[i].on_miss > m)
            m = ru->tables[i].on_miss;
    return m;
}

static const char *const on_miss_words[] = {[RULES_ON_MISS_ALLOW] = "allow",
                                            [RULES_ON_MISS_WARN] = "warn",
                                            [RULES_ON_MISS_REJECT] = "reject"};

/* Report a miss at location: a warning, or (reject) an error that
 * refuses the statement. */
static void report_miss(check_ctx *ctx, rules_on_miss m, long long location, route_reason code,
                        const char *message)
{
    if (m == RULES_ON_MISS_REJECT)
        ctx->rejected = 1;
    check_report_code(ctx, RULE_AGGREGATE_ROUTING,
                      m == RULES_ON_MISS_REJECT ? SL_SEVERITY_ERROR : SL_SEVERITY_WARNING,
                      location, route_reason_code(code), -1, "%s", message);
}

/* Why aggregate a does not answer the block through item: its code and
 * the reason, into *out ("table: code (reason)"). */
static void explain_candidate(check_ctx *ctx, an_block *blk, an_item *item,
                              const rules_aggregate *a, sbuf *out)
{
    agj_join join;
    const char *qual;
    const agj_join *jp = fact_join(ctx->rules, blk, item, &join, &qual);
    route r = {.ctx = ctx, .agg = a, .blk = blk, .item = item, .code = RR_ROUTABLE, .join = jp,
               .qual = qual};
    if (item->sampled || item->historical) {
        refuse(&r, RR_SAMPLED_OR_TIME_TRAVEL, "%s", "the source is read with TABLESAMPLE or "
               "at an older version");
    } else if (!an_reach_names_known(item)) {
        refuse(&r, RR_COLUMNS_RENAMED, "%s", "an alias list renames the source's columns by "
               "position");
    } else {
        routed clauses = {0};
        if (check_block(&r, &clauses) == 0)
            snprintf(r.reason, sizeof r.reason, "it answers the block, but its enforce is %s",
                     a->enforce == RULES_ENFORCE_WARN ? "warn" : "not rewrite");
        routed_free(&clauses);
    }
    sbuf_printf(out, "%s: %s (%s)", a->table_written, route_reason_code(r.code), r.reason);
}

/* The misses reported so far in a statement: (aggregating block, table
 * scan) once each, however many ways the scan reaches the block. */
typedef struct miss_seen {
    const an_block **blk;
    const an_item **scan;
    size_t n;
} miss_seen;

static int miss_once(miss_seen *seen, const an_block *blk, const an_item *scan)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->blk[i] == blk && seen->scan[i] == scan)
            return 0;
    seen->blk = xrealloc(seen->blk, (seen->n + 1) * sizeof *seen->blk);
    seen->scan = xrealloc(seen->scan, (seen->n + 1) * sizeof *seen->scan);
    seen->blk[seen->n] = blk;
    seen->scan[seen->n++] = scan;
    return 1;
}

/* Does blk aggregate its rows: GROUP BY, an aggregate call, grouping
 * sets, or SELECT DISTINCT (Spark's ReplaceDistinctWithAggregate makes it
 * a GROUP BY of its items; condition 15 routes it). */
static int aggregates(const an_block *blk)
{
    return blk->ngroup > 0 || blk->naggs > 0 || blk->grouping_sets ||
           (blk->select && ast_get(blk->select, "distinctClause"));
}

/* Report that block agg, which aggregates the rows of the scan `scan` of
 * table t (directly when agg is the scan's block, else through
 * subqueries and CTEs), is answered by no aggregate: every candidate
 * (the aggregates over the table, enforce other than off, most preferred
 * first) with its reason code and reason. */
static void report_block_miss(check_ctx *ctx, an_block *agg, an_item *scan,
                              const rules_table *t)
{
    const rules *ru = ctx->rules;
    sbuf list = SBUF_INIT;
    size_t n = 0;
    for (size_t i = 0; i < ru->naggregates; i++) {
        const rules_aggregate *a = &ru->aggregates[ru->aggregate_order[i]];
        if (a->enforce == RULES_ENFORCE_OFF || strcmp(a->source, scan->qualified) != 0)
            continue;
        sbuf_puts(&list, n++ ? "; " : "");
        if (agg != scan->block)
            sbuf_printf(&list, "%s: %s (the aggregating block reads the table through a "
                        "subquery or CTE)", a->table_written,
                        route_reason_code(RR_SOURCE_IN_SUBQUERY));
        else
            explain_candidate(ctx, agg, scan, a, &list);
    }
    sbuf msg = SBUF_INIT;
    sbuf_printf(&msg, "this aggregate of %s%s is answered by no aggregate (on_miss: %s): %s",
                scan->qualified, agg != scan->block ? ", read through a subquery," : "",
                on_miss_words[t->on_miss],
                n ? sbuf_cstr(&list) : "no aggregate is declared over it");
    report_miss(ctx, t->on_miss, scan->location, n ? RR_MISSED : RR_NO_CANDIDATE,
                sbuf_cstr(&msg));
    sbuf_free(&msg);
    sbuf_free(&list);
}

/* The blocks that aggregate the rows block blk passes out, blk not
 * aggregating: the block holding it as a derived table, or each block
 * that reads the CTE it is the body of, and so outward until a block
 * aggregates.  An IN / EXISTS / scalar subquery's rows are not
 * aggregated by the query around it (it only tests or reads a value). */
static void miss_outward(check_ctx *ctx, const an_block *blk, an_item *scan,
                         const rules_table *t, miss_seen *seen, int depth)
{
    if (depth > AN_MAX_DEPTH)
        return;
    size_t n = blk->derived ? 1 : blk->cte ? blk->cte->nrefs : 0;
    for (size_t i = 0; i < n; i++) {
        an_block *up = blk->derived ? blk->derived->block : blk->cte->refs[i]->block;
        if (!up)
            continue;
        if (!aggregates(up))
            miss_outward(ctx, up, scan, t, seen, depth + 1);
        else if (miss_once(seen, up, scan))
            report_block_miss(ctx, up, scan, t);
    }
}

/* on_miss: a scan of a table whose on_miss is warn or reject, in a block
 * routing left as it is, is a miss when its rows are aggregated: by its
 * own block, or by a block that reads them through subqueries and CTEs
 * (a Superset virtual dataset: the outer block aggregates, the inner one
 * reads the table).  A query whose scan of the table no block aggregates
 * (SELECT ... LIMIT 100 over the table) is no miss. */
static void judge_miss(check_ctx *ctx, an_block *blk, miss_seen *seen)
{
    for (size_t k = 0; k < blk->nitems; k++) {
        an_item *item = blk->items[k];
        if (item->kind != AN_TABLE || !item->qualified)
            continue;
        const rules_table *t = rules_find_table(ctx->rules, item->qualified);
        if (!t || t->on_miss == RULES_ON_MISS_ALLOW)
            continue;
        if (!aggregates(blk))
            miss_outward(ctx, blk, item, t, seen, 0);
        else if (miss_once(seen, blk, item))
            report_block_miss(ctx, blk, item, t);
    }
}

void rewrite_aggregate_routing(check_ctx *ctx)
{
    rules_on_miss strictest = strictest_on_miss(ctx->rules);
    if (ctx->an->incomplete.set) {
        /* Which blocks aggregate which tables is unknown: a must-route
         * table fails closed. */
        if (strictest != RULES_ON_MISS_ALLOW) {
            sbuf msg = SBUF_INIT;
            sbuf_printf(&msg, "%s; whether an aggregate query over a table with on_miss %s is "
                        "answered by an aggregate cannot be judged", ctx->an->incomplete.message,
                        on_miss_words[strictest]);
            report_miss(ctx, strictest, ctx->an->incomplete.location, RR_MISSED,
                        sbuf_cstr(&msg));
            sbuf_free(&msg);
        }
        return;
    }
    if (ctx->rules->naggregates == 0 && strictest == RULES_ON_MISS_ALLOW)
        return;
    /* Every block is looked at on the analysis of the original tree.
     * Routing a block edits only that block (a routed block holds no
     * other block: subqueries are refused), and what it replaces is kept
     * alive until the rule returns (the driver's deferral), so the other
     * blocks' analysis stays valid; the driver rebuilds the analysis once
     * afterwards. */
    miss_seen seen = {NULL, NULL, 0};
    for (size_t i = 0; i < ctx->an->nblocks; i++) {
        if (route_block(ctx, ctx->an->blocks[i]))
            ctx->modified = 1;
        else if (strictest != RULES_ON_MISS_ALLOW)
            judge_miss(ctx, ctx->an->blocks[i], &seen);
    }
    free(seen.blk);
    free(seen.scan);
}
