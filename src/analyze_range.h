/*
 * analyze_range.h - ranges of values, an analysis every rule may ask:
 *   - constants (analyze_const.c): date and time expressions evaluated
 *     against the request's clock, folded INT expressions, the truth of
 *     constant conditions;
 *   - bounds (analyze_range.c): the window of values the filters that
 *     reach a scan allow a column, from WHERE, ON, HAVING on GROUP BY
 *     keys, IN lists, BETWEEN, equalities across joins and USING, and
 *     filters outside derived tables and CTEs that pass through to it;
 *     and the blocks that read nothing (WHERE false, LIMIT 0).
 * Which filters reach which scan is filter reach (analyze.h, the
 * an_reach_* questions, also in analyze_range.c); this header is what
 * rules build on it: partition-filter measures windows with it, and
 * aggregate-routing reads the upper bound of a time dimension.
 *
 * Units.  Every date and time value is a count of microseconds since
 * 1970-01-01 00:00 on the session's wall clock (Spark's TIMESTAMP unit);
 * a DATE is its midnight.  An upper bound is exclusive.
 *
 * Fail closed.  What sluice does not evaluate exactly is not a constant
 * (-1), and bounds nothing.  Every search is bounded in depth
 * (AN_RANGE_MAX_DEPTH) and, for a statement's bounds, in work
 * (AN_RANGE_MAX_STEPS); a search that hit a bound says so, and its
 * bounds must not be trusted beyond what it reports.
 *
 * Ownership.  Nothing here owns or changes the AST; an an_ranges holds
 * pointers into the analysis it was asked about and goes stale with it
 * (analyze.h).
 */
#ifndef SLUICE_ANALYZE_RANGE_H
#define SLUICE_ANALYZE_RANGE_H

#include <jansson.h>
#include <stddef.h>

#include "analyze.h"

/* Nested expressions searched (derived tables, CTEs, equalities, AND/OR
 * groups, date expressions), and conditions examined per statement by
 * one an_ranges: the work is bounded for the whole statement, not per
 * scan, so a statement with many scans cannot multiply it. */
#define AN_RANGE_MAX_DEPTH 256
#define AN_RANGE_MAX_STEPS 200000

/* The request's clock: "now" on the session's wall clock. */
typedef struct an_clock {
    long days;              /* days since 1970-01-01 */
    long seconds;           /* seconds into that day */
    int unknown;            /* nonzero: the clock functions (current_date(),
                               current_timestamp(), ...) are no constants */
} an_clock;

/* ---- analyze_const.c: constant expressions ------------------------- */

/* The type of a constant date or time value.  A string compared with a
 * column is cast to the column's type, which sluice does not know, so it
 * carries both readings (see an_time). */
enum { AN_TIME_DATE, AN_TIME_TIMESTAMP, AN_TIME_STRING };

/* A constant date or time value.  A typed value has one reading
 * (date_us == us); a string has two: as Spark's stringToDate reads it
 * (date_us, its midnight) and as its stringToTimestamp reads it (us). */
typedef struct an_time {
    long long us;           /* the value (a string: read as a TIMESTAMP) */
    long long date_us;      /* a string read as a DATE (its midnight); else us */
    int type;               /* AN_TIME_* */
} an_time;

/* The value of a constant date or time expression (literals, typed
 * literals, casts, current_date() and the other clock functions, the
 * date functions of analyze_const.c's table, +/- INTERVAL and date +/- n),
 * evaluated against clock.  Returns 0, or -1 when e is not a constant
 * sluice evaluates exactly. */
int an_eval_date(const an_clock *clock, json_t *e, an_time *out);

/* The same, for a search already depth levels deep: beyond
 * AN_RANGE_MAX_DEPTH it returns -1 and sets *gave_up (which is never
 * cleared; may be NULL). */
int an_eval_date_at(const an_clock *clock, json_t *e, an_time *out, int depth, int *gave_up);

/* An interval literal as Spark types and values it: two literals are
 * the same interval when all four fields are equal (INTERVAL 1 DAY,
 * INTERVAL '1' DAY, INTERVAL '1 day', INTERVAL 1 DAYS are; INTERVAL 24
 * HOURS is not).  Fields are numbered year 0, month 1, day 2, hour 3,
 * minute 4, second 5.  Returns 0, or -1 when e is not an interval
 * literal sluice reads exactly. */
typedef struct an_interval {
    long months;
    long long us;
    int first, last;        /* the type's first and last field */
} an_interval;
int an_interval_key(json_t *e, an_interval *out);

/* A constant INT expression, folded as Spark's ConstantFolding does:
 * integer literals, unary minus and plus, + - * of such expressions,
 * within INT.  Returns 0, or -1. */
int an_eval_int(json_t *e, long *out);

/* Three-valued logic: the truth of a constant condition. */
enum { AN_TV_UNKNOWN = 0, AN_TV_TRUE, AN_TV_FALSE, AN_TV_NULL };

/* The truth (AN_TV_*) of a condition made of constants only, as Spark's
 * ConstantFolding and BooleanSimplification leave it: TRUE, FALSE, NULL
 * and comparisons of two numeric constants, under NOT, AND and OR.
 * Anything else is AN_TV_UNKNOWN. */
int an_const_truth(json_t *e);

/* ---- analyze_range.c: bounds on a column at a scan ----------------- */

/* A window of values: [lo, hi), each side present or not. */
typedef struct an_bound {
    int has_lo, has_hi;
    long long lo, hi;       /* microseconds (see Units); hi is exclusive */
} an_bound;

/* Both windows (the tighter side of each). */
an_bound an_bound_intersect(an_bound a, an_bound b);

/* Days a window of a DATE or TIMESTAMP column spans: the days from the
 * one holding its lower bound to the one holding the last value before
 * its upper bound (0 for an empty window), or -1 when it has no lower
 * bound.  A missing upper bound is the start of today (now_days, the
 * request clock's an_clock.days): no partition after today holds rows. */
double an_window_days(an_bound b, long now_days);

/* What `col op value` (column_on_left) or `value op col` says about
 * col, value a constant date or time expression evaluated against clock
 * (op one of < <= > >= =; any other op bounds nothing).  Returns 0, or -1
 * when value is not such a constant. */
int an_comparison_bound(const an_clock *clock, const char *op, json_t *value,
                        int column_on_left, an_bound *out);

/* The bounds of a statement's scans, solved together (see
 * analyze_range.c: one system of equations over every (item, column)
 * asked about and every one they borrow a window from). */
typedef struct an_ranges an_ranges;

/* Which references are a scan's column is read from the statement's
 * bindings, res (resolve.h; borrowed, and it must outlive the an_ranges;
 * NULL: none is, so nothing is bounded). */
an_ranges *an_ranges_new(const an_clock *clock, const struct resolution *res);
void an_ranges_free(an_ranges *r);
/* Ask for the window of item's column (derived_from: the column it is
 * generated from, whose filters bound it too; NULL for none).  Returns
 * a handle for an_ranges_bound().  Ask before an_ranges_solve(). */
size_t an_ranges_add(an_ranges *r, an_item *item, const char *column, const char *derived_from);
/* Solve the windows of everything asked for. */
void an_ranges_solve(an_ranges *r);
/* The window of a handle after an_ranges_solve(): the values its rows
 * lie in by the filters that reach the scan. */
an_bound an_ranges_bound(const an_ranges *r, size_t handle);
/* Did the search hit AN_RANGE_MAX_DEPTH or AN_RANGE_MAX_STEPS anywhere
 * in the statement?  Then a window missing a side may only be one sluice
 * gave up measuring. */
int an_ranges_gave_up(const an_ranges *r);

/* The window the filters reaching item's scan put on its column, alone.
 * Returns 0, or -1 when sluice gave up measuring it (*out untouched). */
int an_range_bounds(const an_clock *clock, const struct resolution *res, an_item *item,
                    const char *column, an_bound *out);

/* Does every run of blk happen inside a block that returns no rows
 * without reading its FROM (a constant FALSE or NULL WHERE: Spark's
 * PruneFilters; a constant LIMIT 0: OptimizeLimitZero)?  The block
 * itself, the block around the derived table it is, or, for a CTE
 * body, the blocks of all its references; its scans never run. */
int an_block_reads_nothing(const an_block *blk);

#endif
