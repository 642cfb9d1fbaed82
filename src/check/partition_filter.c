/*
 * partition_filter.c - rule "partition-filter": every scan of a
 * partitioned table must be restricted to a bounded window of its
 * partition column (or of the column it is generated from), no wider
 * than the table's max_days.
 *
 * The window of a scan is the intersection of the bounds of every
 * conjunct that reaches it the way Spark pushes filters down:
 *   - the WHERE of its own block, and the ON of each join above it that
 *     restricts its side (inner: both sides; outer: the null-supplying
 *     side only; full: neither); JOIN ... USING (col) is the equality
 *     of the two sides' col;
 *   - the HAVING conjuncts of its own block that use GROUP BY keys only
 *     (no aggregate): they keep or drop whole groups by their keys, so
 *     they keep or drop the rows below (Spark pushes them below the
 *     aggregate); not with GROUPING SETS, ROLLUP or CUBE;
 *   - from the block around a derived table, CTE reference or Superset's
 *     virtual_table, when the column passes through unchanged (no LIMIT,
 *     grouped on it if grouped, no window function partitioned
 *     otherwise) -- for a CTE, the widest window over all its references;
 *   - through equalities with another item's column that has a window.
 * An OR bounds a scan only if every branch does (their hull); anything
 * else a conjunct says (NOT, functions around the column, other tables'
 * columns) bounds nothing.  Constants are evaluated against the
 * request's "now" by the date_functions[] table below and by
 * eval_date() for literals, casts and +/- INTERVAL.
 *
 * Windows are measured in days: from the lower bound to the upper bound
 * (exclusive), a missing upper bound meaning the start of today, so
 * "col >= current_date() - INTERVAL 30 DAYS" is a 30-day window.  A
 * window whose start is after its end is empty: bounded, 0 days.
 *
 * Fail closed.  The search for a window is bounded in depth and in work
 * (PF_MAX_DEPTH per search, PF_MAX_STEPS for the whole statement, so no
 * query can make the search slow); a scan whose search hit a bound counts as
 * unbounded, and the message says that sluice gave up, not that the
 * filter is missing.  A statement whose analysis is incomplete (a table
 * named by a non-constant IDENTIFIER(...)) is refused when the rules
 * declare any table.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "check.h"
#include "dates.h"
#include "keywords.h"

/* Nested windows searched (derived tables, CTEs, equalities, AND/OR
 * groups, date expressions), and conditions examined per statement:
 * the work is bounded for the whole statement, not per scan, so a
 * statement with many scans cannot multiply it. */
#define PF_MAX_DEPTH 256
#define PF_MAX_STEPS 200000

typedef struct bound {
    int has_lo, has_hi;
    long long lo, hi;       /* microseconds since 1970-01-01 (a DATE column's
                               value is its midnight); hi is exclusive */
} bound;

static const bound FULL = {0, 0, 0, 0};

static bound intersect(bound a, bound b)
{
    bound r = a;
    if (b.has_lo && (!r.has_lo || b.lo > r.lo)) { r.has_lo = 1; r.lo = b.lo; }
    if (b.has_hi && (!r.has_hi || b.hi < r.hi)) { r.has_hi = 1; r.hi = b.hi; }
    return r;
}

static bound hull(bound a, bound b)
{
    bound r;
    r.has_lo = a.has_lo && b.has_lo;
    r.lo = r.has_lo ? (a.lo < b.lo ? a.lo : b.lo) : 0;
    r.has_hi = a.has_hi && b.has_hi;
    r.hi = r.has_hi ? (a.hi > b.hi ? a.hi : b.hi) : 0;
    return r;
}

/* One unknown of the window equations: the window of item's column
 * (cols: the column, and the column it is generated from, if any). */
typedef struct pf_node {
    an_item *item;
    const char *cols[3];
    bound value;            /* the current window; starts unbounded */
    int computed;           /* fixed and dynamic below are set */
    bound fixed;            /* what the conjuncts that read no other window say */
    json_t **dynamic;       /* conjuncts that read another window */
    size_t ndynamic;
    const char *exit;       /* the name a filter outside the block gives the
                               column (an_reach_exit), NULL if none reaches */
    size_t exit_pos;        /* its output position, (size_t)-1 if unknown */
    int *readers;           /* nodes whose value was computed from this one */
    size_t nreaders;
    int queued;
} pf_node;

typedef struct pf {
    check_ctx *ctx;
    analysis *an;
    size_t steps;               /* conditions examined in this statement */
    int gave_up;                /* a depth or step bound was hit */
    pf_node *nodes;
    size_t nnodes;
    int *queue;                 /* nodes to (re)compute, first in first out */
    size_t nqueue, qhead;
    int current;                /* the node being computed, -1 if none */
    size_t reads;               /* neighbour() calls so far */
} pf;

static void pf_init(pf *p, check_ctx *ctx)
{
    memset(p, 0, sizeof *p);
    p->ctx = ctx;
    p->an = ctx->an;
    p->current = -1;
}

static void pf_free(pf *p)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        free(p->nodes[i].readers);
        free(p->nodes[i].dynamic);
    }
    free(p->nodes);
    free(p->queue);
    memset(p, 0, sizeof *p);
}

/* Count one step of work at depth; 0 when a bound is hit. */
static int pf_step(pf *p, int depth)
{
    if (depth > PF_MAX_DEPTH || ++p->steps > PF_MAX_STEPS) {
        p->gave_up = 1;
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Constant date expressions                                           */

/*
 * Every date and time value is a count of microseconds since 1970-01-01
 * 00:00 on the session's wall clock (Spark's TIMESTAMP unit); a DATE is
 * its midnight, so comparing a DATE column with a TIMESTAMP constant is
 * comparing its midnight, as Spark's type coercion does (the DATE side
 * is cast to TIMESTAMP: TypeCoercion.findWiderTypeForTwo).
 *
 * A string compared with a column is cast to the column's type
 * (TypeCoercion / AnsiTypeCoercion: a string against DATE becomes a
 * DATE, against TIMESTAMP a TIMESTAMP), and sluice does not know the
 * column's type.  So a string constant carries both readings: as Spark's
 * stringToDate reads it (date_us) and as its stringToTimestamp reads it
 * (us); a lower bound takes the earlier, an upper bound the later, and
 * the bound holds whichever type the column has.  A typed value has one
 * reading (date_us == us).
 *
 * What is not evaluated exactly is not evaluated: a time zone in the
 * text (its offset from the session's zone is unknown here), a time
 * without a date, a fraction of an interval unit below a microsecond or
 * of a month, arithmetic Spark does not define (TIMESTAMP + 1) --
 * eval_date() returns -1, and a comparison with it bounds nothing.
 */
enum { DV_DATE, DV_TIMESTAMP, DV_STRING };

typedef struct dval {
    long long us;           /* the value (a string: read as a TIMESTAMP) */
    long long date_us;      /* a string read as a DATE (its midnight); else us */
    int type;               /* DV_* */
} dval;

static dval dv_typed(long long us, int type)
{
    dval v = {us, us, type};
    return v;
}

static long long floor_day_us(long long us)
{
    return (long long)dates_day_of_us(us) * DATES_US_PER_DAY;
}

/* A decimal number "[+-]digits[.digits]" times unit (microseconds, or
 * months), exactly: -1 unless the product is a whole number of units of
 * the result.  *p advances past the number. */
static int scaled_number(const char **p, long long unit, long long *out)
{
    const char *s = *p;
    int neg = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    long long num = 0, scale = 1;
    int digits = 0, seen_point = 0;
    for (;; s++) {
        if (isdigit((unsigned char)*s)) {
            if (num > 100000000000000LL || scale > 1000000000000LL)
                return -1;
            num = num * 10 + (*s - '0');
            if (seen_point)
                scale *= 10;
            digits++;
        } else if (*s == '.' && !seen_point) {
            seen_point = 1;
        } else {
            break;
        }
    }
    if (!digits)
        return -1;
    long long prod;
    if (__builtin_mul_overflow(num, unit, &prod) || prod % scale != 0)
        return -1;
    *out = (neg ? -prod : prod) / scale;
    *p = s;
    return 0;
}

/* Interval units: microseconds per unit, or months per unit. */
static const struct iv_unit {
    const char *name;
    long long us;
    long months;
} iv_units[] = {
    {"year", 0, 12}, {"month", 0, 1}, {"week", 7 * DATES_US_PER_DAY, 0},
    {"day", DATES_US_PER_DAY, 0}, {"hour", 3600 * DATES_US_PER_SECOND, 0},
    {"minute", 60 * DATES_US_PER_SECOND, 0}, {"second", DATES_US_PER_SECOND, 0},
    {"millisecond", 1000, 0}, {"microsecond", 1, 0},
};

/* The unit a word names (singular or plural, any case), or NULL. */
static const struct iv_unit *interval_unit(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof iv_units / sizeof *iv_units; i++) {
        size_t len = strlen(iv_units[i].name);
        if ((n == len || (n == len + 1 && (w[len] == 's' || w[len] == 'S'))) &&
            strncasecmp(w, iv_units[i].name, len) == 0)
            return &iv_units[i];
    }
    return NULL;
}

/* "7 days", "1 day 2 hours", "-1.5 hours": pairs of a number and a unit
 * (IntervalUtils.stringToInterval).  Months only in whole numbers. */
static int parse_interval(const char *s, long long *us, long *months)
{
    *us = 0;
    *months = 0;
    const char *p = s;
    int pairs = 0;
    while (*p) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *num = p;
        /* Find the unit first: the number's scale depends on it. */
        while (*p && !isspace((unsigned char)*p) && !isalpha((unsigned char)*p))
            p++;
        while (isspace((unsigned char)*p))
            p++;
        const char *u = p;
        while (isalpha((unsigned char)*p))
            p++;
        const struct iv_unit *unit = interval_unit(u, (size_t)(p - u));
        if (!unit)
            return -1;
        long long v;
        const char *q = num;
        if (scaled_number(&q, unit->months ? unit->months : unit->us, &v) < 0)
            return -1;
        while (isspace((unsigned char)*q))
            q++;
        if (q != u)
            return -1;
        if (unit->months) {
            *months += (long)v;
        } else if (__builtin_add_overflow(*us, v, us)) {
            return -1;
        }
        pairs++;
    }
    return pairs ? 0 : -1;
}

static int eval_date(pf *p, json_t *e, dval *out, int depth);

static const char *const_string(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Const)
        return NULL;
    return json_string_value(ast_get(ast_get(f, "sval"), "sval"));
}

/* to_date('01/10/2026', 'dd/MM/yyyy'): the pattern letters y, M and d
 * (each run of one letter is one field), anything else literal. */
static int eval_formatted_date(json_t *value, json_t *format, long *out)
{
    const char *v = const_string(value), *fmt = const_string(format);
    if (!v || !fmt)
        return -1;
    long y = -1, m = -1, d = -1;
    while (*fmt) {
        char c = *fmt;
        size_t run = 0;
        while (fmt[run] == c)
            run++;
        if (c == 'y' || c == 'M' || c == 'd') {
            long x = 0;
            size_t k = 0;
            while (isdigit((unsigned char)v[k]) && (k < run || run == 1) && k < 4)
                x = x * 10 + (v[k++] - '0');
            if (k == 0)
                return -1;
            v += k;
            if (c == 'y') y = x; else if (c == 'M') m = x; else d = x;
        } else {
            for (size_t k = 0; k < run; k++)
                if (*v++ != c)
                    return -1;
        }
        fmt += run;
    }
    if (*v || y < 0 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    long day = dates_from_civil(y, (unsigned)m, (unsigned)d);
    long yy;
    unsigned mm, dd;
    dates_to_civil(day, &yy, &mm, &dd);
    if ((long)mm != m || (long)dd != d)
        return -1;
    *out = day;
    return 0;
}

/* The text of a qualified interval: INTERVAL '1-2' YEAR TO MONTH,
 * INTERVAL '3 04:05:06.5' DAY TO SECOND, INTERVAL '7' DAY.  The fields
 * from the first unit to the last, in order, separated by '-' (year to
 * month), ' ' (day to hour) or ':'; a leading sign applies to all; only
 * the last field (seconds) may have a fraction. */
static int parse_qualified_interval(const char *s, long mask, long long *us, long *months)
{
    static const struct { long bit; long long us; long months; } units[] = {
        {IM_YEAR, 0, 12}, {IM_MONTH, 0, 1}, {IM_DAY, DATES_US_PER_DAY, 0},
        {IM_HOUR, 3600 * DATES_US_PER_SECOND, 0}, {IM_MINUTE, 60 * DATES_US_PER_SECOND, 0},
        {IM_SECOND, DATES_US_PER_SECOND, 0}};
    int first = -1, last = -1;
    for (int i = 0; i < 6; i++)
        if (mask & units[i].bit) {
            if (first < 0)
                first = i;
            last = i;
        }
    /* Only contiguous ranges, and never across the month/day divide. */
    if (first < 0 || (first <= 1 && last >= 2))
        return -1;
    for (int i = first; i <= last; i++)
        if (!(mask & units[i].bit))
            return -1;
    while (isspace((unsigned char)*s))
        s++;
    int neg = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    *us = 0;
    *months = 0;
    for (int i = first; i <= last; i++) {
        if (i > first) {
            char sep = i == 1 ? '-' : i == 3 ? ' ' : ':';
            if (*s != sep)
                return -1;
            s++;
        }
        if (!isdigit((unsigned char)*s))
            return -1;
        long long v;
        if (i == last && i == 5) {
            if (scaled_number(&s, units[i].us, &v) < 0)
                return -1;
        } else {
            char *end;
            long long n = strtoll(s, &end, 10);
            if (n > 1000000000LL)
                return -1;
            s = end;
            v = n * (units[i].months ? units[i].months : units[i].us);
        }
        if (units[i].months)
            *months += (long)v;
        else
            *us += v;
    }
    while (isspace((unsigned char)*s))
        s++;
    if (*s)
        return -1;
    if (neg) {
        *us = -*us;
        *months = -*months;
    }
    return 0;
}

/* An interval literal: INTERVAL '30 DAYS', INTERVAL 30 DAYS,
 * INTERVAL '1-2' YEAR TO MONTH. */
static int eval_interval_literal(json_t *e, long long *us, long *months)
{
    json_t *f, *af, *mf;
    if (ast_unwrap(e, &f, NULL) != AST_TypeCast)
        return -1;
    json_t *names = ast_get(ast_get(f, "typeName"), "names");
    const char *tn = ast_string_value(json_array_get(names, json_array_size(names) - 1));
    if (!tn || strcmp(tn, "interval") != 0)
        return -1;
    if (ast_unwrap(ast_get(f, "arg"), &af, NULL) != AST_A_Const)
        return -1;
    const char *s = json_string_value(ast_get(ast_get(af, "sval"), "sval"));
    if (!s)
        return -1;
    json_t *mods = ast_get(ast_get(f, "typeName"), "typmods");
    if (!mods)
        return parse_interval(s, us, months);
    /* The first typmod is the field mask; a second is the seconds'
     * precision, which does not change the value. */
    if (json_array_size(mods) > 2 ||
        ast_unwrap(json_array_get(mods, 0), &mf, NULL) != AST_A_Const)
        return -1;
    long mask = (long)json_integer_value(ast_get(ast_get(mf, "ival"), "ival"));
    return parse_qualified_interval(s, mask, us, months);
}

/* The operator of an AEXPR_OP expression ("+", "*", ...), NULL for
 * anything else; *l and *r receive its operands (*l NULL for a prefix
 * operator). */
static const char *arith_op(json_t *e, json_t **l, json_t **r)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Expr || strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0)
        return NULL;
    *l = ast_get(f, "lexpr");
    *r = ast_get(f, "rexpr");
    return ast_string_value(json_array_get(ast_get(f, "name"), 0));
}

/* A constant INT expression, folded as Spark's ConstantFolding does
 * (Optimizer.scala): integer literals, unary minus and plus, and + - *
 * of two such expressions, so sqlglot's DATE_ADD(d, 30 * -1) (its
 * spelling of date_sub(d, 30)) has the day count -30.  A literal outside
 * INT (the bridge makes it a float constant: Spark types it BIGINT,
 * which date_add refuses) and a result that overflows INT (an error
 * under ANSI mode, a wrapped value otherwise) are not constants here. */
static int eval_int_at(json_t *e, long *out, int depth)
{
    json_t *f, *l, *r;
    if (depth > PF_MAX_DEPTH)
        return -1;
    if (ast_unwrap(e, &f, NULL) == AST_A_Const) {
        json_t *iv = ast_get(f, "ival");
        if (!iv)
            return -1;
        *out = (long)json_integer_value(ast_get(iv, "ival"));
        return 0;
    }
    const char *op = arith_op(e, &l, &r);
    long a = 0, b;
    if (!op || (strcmp(op, "+") && strcmp(op, "-") && strcmp(op, "*")) ||
        (l && eval_int_at(l, &a, depth + 1) < 0) || eval_int_at(r, &b, depth + 1) < 0)
        return -1;
    if (!l && op[0] == '*')
        return -1;
    long long v = !l ? (op[0] == '-' ? -(long long)b : b)
                : op[0] == '+' ? (long long)a + b
                : op[0] == '-' ? (long long)a - b
                : (long long)a * b;
    if (v < -2147483648LL || v > 2147483647LL)
        return -1;
    *out = (long)v;
    return 0;
}

static int eval_int(json_t *e, long *out)
{
    return eval_int_at(e, out, 0);
}

/* A constant interval: a literal, a negated one (- INTERVAL 1 DAY), or
 * one multiplied by a constant INT (INTERVAL 1 DAY * 30, 30 * INTERVAL
 * 1 DAY: Spark's MultiplyInterval, MultiplyDTInterval, MultiplyYMInterval). */
static int eval_interval(json_t *e, long long *us, long *months)
{
    if (eval_interval_literal(e, us, months) == 0)
        return 0;
    json_t *l, *r;
    const char *op = arith_op(e, &l, &r);
    long n;
    if (!op)
        return -1;
    if (!l && strcmp(op, "-") == 0 && eval_interval_literal(r, us, months) == 0) {
        *us = -*us;
        *months = -*months;
        return 0;
    }
    if (!l || strcmp(op, "*") != 0)
        return -1;
    if (!(eval_interval_literal(l, us, months) == 0 && eval_int(r, &n) == 0) &&
        !(eval_int(l, &n) == 0 && eval_interval_literal(r, us, months) == 0))
        return -1;
    if (__builtin_mul_overflow(*us, (long long)n, us))
        return -1;
    *months *= n;
    return 0;
}


/* us + months, the time of day kept, the day clamped to the month's end
 * (Spark's add_months and timestamp + INTERVAL 'n' MONTH). */
static long long add_months_us(long long us, long months)
{
    long long day = floor_day_us(us);
    return (long long)dates_add_months(dates_day_of_us(us), months) * DATES_US_PER_DAY +
           (us - day);
}

/* The value cast to DATE (Cast to DateType, and the implicit cast of a
 * function's DATE argument): a string by stringToDate, a timestamp to
 * its day. */
static dval as_date(dval v)
{
    return dv_typed(floor_day_us(v.type == DV_STRING ? v.date_us : v.us), DV_DATE);
}

/* The value cast to TIMESTAMP: a string by stringToTimestamp. */
static dval as_timestamp(dval v)
{
    return dv_typed(v.us, DV_TIMESTAMP);
}

/* ---- date functions: one row per function and arity ---------------- */

typedef int (*date_fn)(pf *p, json_t *args, dval *out, int depth);

static long long now_us(const pf *p)
{
    return (long long)p->ctx->now_days * DATES_US_PER_DAY +
           (long long)p->ctx->now_seconds * DATES_US_PER_SECOND;
}

static int df_today(pf *p, json_t *args, dval *out, int depth)
{
    (void)args, (void)depth;
    *out = dv_typed((long long)p->ctx->now_days * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

static int df_now(pf *p, json_t *args, dval *out, int depth)
{
    (void)args, (void)depth;
    *out = dv_typed(now_us(p), DV_TIMESTAMP);
    return 0;
}

/* A string argument read by one cast only: a DATE argument of a
 * function reads trailing text after the date that a TIMESTAMP reading
 * refuses ("2026-11-01 anything"). */
static int eval_as(pf *p, json_t *e, int type, dval *out, int depth)
{
    const char *s = const_string(e);
    if (s) {
        long day;
        long long us;
        if (type == DV_DATE && dates_spark_date(s, &day) == 0) {
            *out = dv_typed((long long)day * DATES_US_PER_DAY, DV_DATE);
            return 0;
        }
        if (type == DV_TIMESTAMP && dates_spark_timestamp(s, &us) == 0) {
            *out = dv_typed(us, DV_TIMESTAMP);
            return 0;
        }
        return -1;
    }
    if (eval_date(p, e, out, depth + 1) < 0)
        return -1;
    *out = type == DV_DATE ? as_date(*out) : as_timestamp(*out);
    return 0;
}

static int df_to_date(pf *p, json_t *args, dval *out, int depth)
{
    return eval_as(p, json_array_get(args, 0), DV_DATE, out, depth);
}

static int df_to_date_format(pf *p, json_t *args, dval *out, int depth)
{
    long day;
    (void)p, (void)depth;
    if (eval_formatted_date(json_array_get(args, 0), json_array_get(args, 1), &day) < 0)
        return -1;
    *out = dv_typed((long long)day * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

static int df_to_timestamp(pf *p, json_t *args, dval *out, int depth)
{
    return eval_as(p, json_array_get(args, 0), DV_TIMESTAMP, out, depth);
}

static int shift_days(pf *p, json_t *args, dval *out, int depth, int sign)
{
    long v;
    if (eval_int(json_array_get(args, 1), &v) < 0 ||
        eval_as(p, json_array_get(args, 0), DV_DATE, out, depth) < 0)
        return -1;
    *out = dv_typed(out->us + sign * (long long)v * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

static int df_date_add(pf *p, json_t *args, dval *out, int depth)
{
    return shift_days(p, args, out, depth, 1);
}

static int df_date_sub(pf *p, json_t *args, dval *out, int depth)
{
    return shift_days(p, args, out, depth, -1);
}

static int df_add_months(pf *p, json_t *args, dval *out, int depth)
{
    long v;
    if (eval_int(json_array_get(args, 1), &v) < 0 ||
        eval_as(p, json_array_get(args, 0), DV_DATE, out, depth) < 0)
        return -1;
    *out = dv_typed(add_months_us(out->us, v), DV_DATE);
    return 0;
}

static int df_make_date(pf *p, json_t *args, dval *out, int depth)
{
    long y, m, d;
    (void)p, (void)depth;
    if (eval_int(json_array_get(args, 0), &y) < 0 || eval_int(json_array_get(args, 1), &m) < 0 ||
        eval_int(json_array_get(args, 2), &d) < 0 || m < 1 || m > 12 || d < 1 ||
        d > 31 || y < 1 || y > 9999)
        return -1;
    long day = dates_from_civil(y, (unsigned)m, (unsigned)d);
    long yy;
    unsigned mm, dd;
    dates_to_civil(day, &yy, &mm, &dd);
    if (yy != y || (long)mm != m || (long)dd != d)
        return -1;      /* 2026-02-30 is NULL in Spark, not a date */
    *out = dv_typed((long long)day * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

/* A truncation unit: its name and its length (a calendar unit, or a
 * fixed number of microseconds for the finer ones).  trunc() takes the
 * names down to 'WEEK' (TruncDate), date_trunc() all of them
 * (TruncTimestamp); any other name is NULL in Spark. */
static const struct {
    const char *name;
    int unit;               /* DATES_* for a day or coarser, else DATES_NONE */
    long long us;           /* the length of the finer ones */
    int date_level;         /* trunc() accepts it */
} trunc_units[] = {
    {"year", DATES_YEAR, 0, 1}, {"yyyy", DATES_YEAR, 0, 1}, {"yy", DATES_YEAR, 0, 1},
    {"quarter", DATES_QUARTER, 0, 1}, {"month", DATES_MONTH, 0, 1}, {"mm", DATES_MONTH, 0, 1},
    {"mon", DATES_MONTH, 0, 1}, {"week", DATES_WEEK, 0, 1}, {"day", DATES_DAY, 0, 0},
    {"dd", DATES_DAY, 0, 0}, {"hour", DATES_NONE, 3600 * DATES_US_PER_SECOND, 0},
    {"minute", DATES_NONE, 60 * DATES_US_PER_SECOND, 0},
    {"second", DATES_NONE, DATES_US_PER_SECOND, 0},
    {"millisecond", DATES_NONE, 1000, 0}, {"microsecond", DATES_NONE, 1, 0},
};

static int truncate_to(const char *unit, int date_level, long long *us)
{
    for (size_t i = 0; unit && i < sizeof trunc_units / sizeof *trunc_units; i++) {
        if (strcasecmp(unit, trunc_units[i].name) != 0 || (date_level && !trunc_units[i].date_level))
            continue;
        if (trunc_units[i].unit != DATES_NONE) {
            long day = dates_trunc(dates_day_of_us(*us), trunc_units[i].unit);
            *us = (long long)day * DATES_US_PER_DAY;
        } else {
            long long len = trunc_units[i].us;
            *us -= ((*us % len) + len) % len;
        }
        return 0;
    }
    return -1;
}

/* date_trunc(unit, ts): a TIMESTAMP (TruncTimestamp); its argument is
 * cast to TIMESTAMP. */
static int df_date_trunc(pf *p, json_t *args, dval *out, int depth)
{
    const char *unit = const_string(json_array_get(args, 0));
    if (!unit || eval_as(p, json_array_get(args, 1), DV_TIMESTAMP, out, depth) < 0 ||
        truncate_to(unit, 0, &out->us) < 0)
        return -1;
    *out = dv_typed(out->us, DV_TIMESTAMP);
    return 0;
}

/* trunc(date, unit): a DATE (TruncDate); its argument is cast to DATE. */
static int df_trunc(pf *p, json_t *args, dval *out, int depth)
{
    const char *unit = const_string(json_array_get(args, 1));
    if (!unit || eval_as(p, json_array_get(args, 0), DV_DATE, out, depth) < 0 ||
        truncate_to(unit, 1, &out->us) < 0)
        return -1;
    *out = dv_typed(out->us, DV_DATE);
    return 0;
}

/* last_day(date): the last day of its month. */
static int df_last_day(pf *p, json_t *args, dval *out, int depth)
{
    if (eval_as(p, json_array_get(args, 0), DV_DATE, out, depth) < 0)
        return -1;
    long day = dates_add_months(dates_trunc(dates_day_of_us(out->us), DATES_MONTH), 1) - 1;
    *out = dv_typed((long long)day * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

/* next_day(date, 'MO'): the first later date on that day of the week
 * (DateTimeUtils.getDayOfWeekFromString: two letters, three, or the
 * whole name, any case). */
static int df_next_day(pf *p, json_t *args, dval *out, int depth)
{
    static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
    const char *dow = const_string(json_array_get(args, 1));
    if (!dow || eval_as(p, json_array_get(args, 0), DV_DATE, out, depth) < 0)
        return -1;
    size_t n = strlen(dow);
    int target = -1;
    for (int i = 0; i < 7; i++)
        if ((n == 2 || n == 3 || n == strlen(names[i])) && strncasecmp(dow, names[i], n) == 0)
            target = i;
    if (target < 0)
        return -1;
    long day = dates_day_of_us(out->us);
    int cur = (int)(((day % 7) + 7 + 3) % 7);     /* 1970-01-01 was a Thursday (3) */
    int ahead = (target - cur + 7) % 7;
    *out = dv_typed((long long)(day + (ahead ? ahead : 7)) * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

/* date_from_unix_date(n): day n. */
static int df_from_unix_date(pf *p, json_t *args, dval *out, int depth)
{
    long v;
    (void)p, (void)depth;
    if (eval_int(json_array_get(args, 0), &v) < 0)
        return -1;
    *out = dv_typed((long long)v * DATES_US_PER_DAY, DV_DATE);
    return 0;
}

/* The three-argument form (SqlBaseParser.g4 #timestampadd): TIMESTAMPADD,
 * DATEADD or DATE_ADD (unit, n, ts), unit one of datetimeUnit's words
 * (written as a name, which the bridge reads as a column reference) or
 * a string; the result is a TIMESTAMP (TimestampAdd).  sqlglot writes
 * date_add(d, n) this way: DATEADD(DAY, n, d). */
static int df_timestampadd(pf *p, json_t *args, dval *out, int depth)
{
    static const struct { const char *name; long long us; long months; } units[] = {
        {"year", 0, 12}, {"quarter", 0, 3}, {"month", 0, 1}, {"week", 7 * DATES_US_PER_DAY, 0},
        {"day", DATES_US_PER_DAY, 0}, {"dayofyear", DATES_US_PER_DAY, 0},
        {"hour", 3600 * DATES_US_PER_SECOND, 0}, {"minute", 60 * DATES_US_PER_SECOND, 0},
        {"second", DATES_US_PER_SECOND, 0}, {"millisecond", 1000, 0}, {"microsecond", 1, 0}};
    json_t *u = json_array_get(args, 0), *uf;
    const char *unit = const_string(u);
    if (!unit && ast_unwrap(u, &uf, NULL) == AST_ColumnRef &&
        json_array_size(ast_get(uf, "fields")) == 1)
        unit = ast_string_value(json_array_get(ast_get(uf, "fields"), 0));
    long n;
    if (!unit || eval_int(json_array_get(args, 1), &n) < 0 ||
        eval_as(p, json_array_get(args, 2), DV_TIMESTAMP, out, depth) < 0)
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strcasecmp(unit, units[i].name) == 0) {
            *out = dv_typed(add_months_us(out->us, units[i].months * n) + units[i].us * n,
                            DV_TIMESTAMP);
            return 0;
        }
    return -1;
}

/* Databricks' date and timestamp functions whose value sluice computes
 * from constant arguments (FunctionRegistry.scala's datetime group);
 * any other function is not a constant here. */
static const struct {
    const char *name;
    size_t nargs;
    date_fn fn;
} date_functions[] = {
    {"add_months", 2, df_add_months},
    {"curdate", 0, df_today},
    {"current_date", 0, df_today},
    {"current_timestamp", 0, df_now},
    {"date", 1, df_to_date},
    {"date_add", 2, df_date_add},
    {"date_add", 3, df_timestampadd},
    {"date_from_unix_date", 1, df_from_unix_date},
    {"date_sub", 2, df_date_sub},
    {"date_trunc", 2, df_date_trunc},
    {"dateadd", 2, df_date_add},
    {"dateadd", 3, df_timestampadd},
    {"last_day", 1, df_last_day},
    {"make_date", 3, df_make_date},
    {"next_day", 2, df_next_day},
    {"now", 0, df_now},
    {"timestamp", 1, df_to_timestamp},
    {"timestampadd", 3, df_timestampadd},
    {"to_date", 1, df_to_date},
    {"to_date", 2, df_to_date_format},
    {"to_timestamp", 1, df_to_timestamp},
    {"trunc", 2, df_trunc},
};

/* The cast types a date or time value can be cast to. */
static int cast_type(const char *tn)
{
    if (!tn)
        return -1;
    if (strcasecmp(tn, "date") == 0)
        return DV_DATE;
    /* TIMESTAMP is TIMESTAMP_LTZ or TIMESTAMP_NTZ by spark.sql.timestampType;
     * either compares with a column on the session's wall clock. */
    if (strcasecmp(tn, "timestamp") == 0 || strcasecmp(tn, "timestamp_ntz") == 0 ||
        strcasecmp(tn, "timestamp_ltz") == 0)
        return DV_TIMESTAMP;
    return -1;
}

/* The value of a constant date or timestamp expression (see dval).
 * Returns 0, or -1 when e is not a constant sluice evaluates exactly. */
static int eval_date(pf *p, json_t *e, dval *out, int depth)
{
    json_t *f;
    if (depth > PF_MAX_DEPTH) {
        p->gave_up = 1;
        return -1;
    }
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_A_Const) {
        const char *s = json_string_value(ast_get(ast_get(f, "sval"), "sval"));
        long day;
        long long us;
        if (!s || dates_spark_timestamp(s, &us) < 0 || dates_spark_date(s, &day) < 0)
            return -1;
        out->us = us;
        out->date_us = (long long)day * DATES_US_PER_DAY;
        out->type = DV_STRING;
        return 0;
    }
    if (k == AST_TypeCast) {
        json_t *names = ast_get(ast_get(f, "typeName"), "names");
        int type = cast_type(ast_string_value(json_array_get(names, json_array_size(names) - 1)));
        if (type < 0 || ast_get(ast_get(f, "typeName"), "arrayBounds"))
            return -1;
        return eval_as(p, ast_get(f, "arg"), type, out, depth);
    }
    if (k == AST_SQLValueFunction) {
        const char *op = ast_str(f, "op");
        if (strcmp(op, "SVFOP_CURRENT_DATE") == 0)
            return df_today(p, NULL, out, depth);
        if (strcmp(op, "SVFOP_CURRENT_TIMESTAMP") == 0)
            return df_now(p, NULL, out, depth);
        return -1;
    }
    if (k == AST_FuncCall) {
        const char *fn = an_func_name(f);
        json_t *args = ast_get(f, "args");
        size_t n = json_array_size(args);
        if (!fn || ast_get(f, "over") || ast_get(f, "agg_filter") ||
            json_array_size(ast_get(f, "funcname")) != 1)
            return -1;
        for (size_t i = 0; i < sizeof date_functions / sizeof *date_functions; i++)
            if (date_functions[i].nargs == n && strcasecmp(date_functions[i].name, fn) == 0)
                return date_functions[i].fn(p, args, out, depth);
        return -1;
    }
    if (k == AST_A_Expr) {
        const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
        if (strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0 || !op ||
            (strcmp(op, "+") && strcmp(op, "-")) || !ast_get(f, "lexpr"))
            return -1;
        int minus = op[0] == '-';
        json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
        long long us;
        long months, v;
        if (eval_interval(r, &us, &months) == 0) {
            if (eval_date(p, l, out, depth + 1) < 0)
                return -1;
        } else if (!minus && eval_interval(l, &us, &months) == 0) {
            if (eval_date(p, r, out, depth + 1) < 0)
                return -1;
        } else if (eval_int(r, &v) == 0 && eval_date(p, l, out, depth + 1) == 0 &&
                   out->type == DV_DATE) {
            /* date +/- n: DateAdd / DateSub (only a DATE: TIMESTAMP + n
             * and string + n are not date arithmetic in Spark). */
            us = (long long)v * DATES_US_PER_DAY;
            months = 0;
        } else {
            return -1;
        }
        if (minus) {
            us = -us;
            months = -months;
        }
        /* A string's two readings both move: Spark casts it to one type
         * or the other, and each reading's result is covered. */
        out->us = add_months_us(out->us, months) + us;
        out->date_us = add_months_us(out->date_us, months) + us;
        if (out->type == DV_DATE && us % DATES_US_PER_DAY != 0)
            out->type = DV_TIMESTAMP;
        return 0;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Which conjuncts reach an item, and what they say                    */

static bound neighbour(pf *p, an_item *item, const char *col);

/* What `col op v` (column_on_left) or `v op col` says about col.  A DATE
 * column is its midnight, so an exclusive upper bound of "at or before
 * v" is v + 1 microsecond, whatever the column's type. */
static bound cmp_bound(const char *op, dval v, int column_on_left)
{
    bound b = FULL;
    if (!column_on_left) {   /* const OP col: mirror the operator */
        if (strcmp(op, "<") == 0) op = ">";
        else if (strcmp(op, ">") == 0) op = "<";
        else if (strcmp(op, "<=") == 0) op = ">=";
        else if (strcmp(op, ">=") == 0) op = "<=";
    }
    if (strcmp(op, ">=") == 0) {
        b.has_lo = 1;
        b.lo = v.date_us;
    } else if (strcmp(op, ">") == 0) {
        b.has_lo = 1;
        b.lo = v.date_us + 1;
    } else if (strcmp(op, "<") == 0) {
        b.has_hi = 1;
        b.hi = v.us;
    } else if (strcmp(op, "<=") == 0) {
        b.has_hi = 1;
        b.hi = v.us + 1;
    } else if (strcmp(op, "=") == 0) {
        b.has_lo = b.has_hi = 1;
        b.lo = v.date_us;
        b.hi = v.us + 1;
    }
    return b;
}

/* The window of another item's column, borrowed through an equality. */
static bound borrowed_bound(pf *p, an_item *other, const char *col, int depth)
{
    (void)depth;
    return neighbour(p, other, col);
}

/* What conjunct e says about item's cols. */
static bound conj_bound(pf *p, json_t *e, an_item *item, const char *const *cols, int depth)
{
    json_t *f;
    if (!pf_step(p, depth))
        return FULL;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        json_t *args = ast_get(f, "args");
        size_t i;
        json_t *a;
        if (strcmp(op, "AND_EXPR") == 0) {
            bound r = FULL;
            json_array_foreach(args, i, a)
                r = intersect(r, conj_bound(p, a, item, cols, depth + 1));
            return r;
        }
        if (strcmp(op, "OR_EXPR") == 0) {
            bound r = FULL;
            json_array_foreach(args, i, a) {
                bound x = conj_bound(p, a, item, cols, depth + 1);
                r = i == 0 ? x : hull(r, x);
            }
            return r;
        }
        return FULL;    /* NOT bounds nothing */
    }
    if (k != AST_A_Expr)
        return FULL;
    const char *kind = ast_str(f, "kind");
    const char *op = ast_string_value(json_array_get(ast_get(f, "name"), 0));
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    dval v, w;
    if (strcmp(kind, "AEXPR_OP") == 0 && op && l) {
        int l_is_col = an_is_item_column(l, item, cols), r_is_col = an_is_item_column(r, item, cols);
        if (l_is_col && eval_date(p, r, &v, depth + 1) == 0)
            return cmp_bound(op, v, 1);
        if (r_is_col && eval_date(p, l, &v, depth + 1) == 0)
            return cmp_bound(op, v, 0);
        /* col = other.col: borrow the other side's window. */
        an_item *other;
        const char *ocol;
        if (strcmp(op, "=") == 0) {
            if (l_is_col && an_column_of_other(r, item, &other, &ocol))
                return borrowed_bound(p, other, ocol, depth);
            if (r_is_col && an_column_of_other(l, item, &other, &ocol))
                return borrowed_bound(p, other, ocol, depth);
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_BETWEEN") == 0 && an_is_item_column(l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? ast_get(lf, "items") : r;
        if (eval_date(p, json_array_get(items, 0), &v, depth + 1) == 0 &&
            eval_date(p, json_array_get(items, 1), &w, depth + 1) == 0) {
            bound b = {1, 1, v.date_us, w.us + 1};
            return b;
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_IN") == 0 && op && strcmp(op, "=") == 0 &&
        an_is_item_column(l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? ast_get(lf, "items") : r;
        bound b = {1, 1, 0, 0};
        size_t i;
        json_t *a;
        json_array_foreach(items, i, a) {
            if (eval_date(p, a, &v, depth + 1) < 0)
                return FULL;
            if (i == 0 || v.date_us < b.lo) b.lo = v.date_us;
            if (i == 0 || v.us + 1 > b.hi) b.hi = v.us + 1;
        }
        return json_array_size(items) ? b : FULL;
    }
    return FULL;
}

/* Is the join step's side (the item's) below the other side of a join
 * step of the same JoinExpr? */
static int under_other_side(const an_item *o, const an_join_step *st)
{
    for (const an_join_step *s = o->join; s; s = s->up)
        if (s->join == st->join)
            return s->side != st->side;
    return 0;
}

/* JOIN ... USING (c): item.c = other.c for the item on the other side
 * that owns c.  When that side holds several items, the hull of their
 * windows (any of them may be the one). */
static bound using_bound(pf *p, an_item *item, const an_join_step *st,
                         const char *const *cols, int depth)
{
    size_t i;
    json_t *u;
    json_array_foreach(ast_get(st->join, "usingClause"), i, u) {
        const char *name = ast_string_value(u);
        int ours = 0;
        for (const char *const *c = cols; name && *c; c++)
            ours |= strcasecmp(*c, name) == 0;
        if (!ours)
            continue;
        an_block *blk = item->block;
        bound via = FULL;
        int found = 0;
        for (size_t k = 0; k < blk->nitems; k++) {
            an_item *o = blk->items[k];
            if (o == item || o->kind == AN_FUNCTION || !under_other_side(o, st))
                continue;
            bound x = borrowed_bound(p, o, name, depth);
            via = found++ ? hull(via, x) : x;
        }
        return via;
    }
    return FULL;
}

/* The conjuncts of the item's block that reach it: WHERE, HAVING on
 * GROUP BY keys, and the ON of each join above it that restricts its
 * side (flattened).  Returns -1 if an ON nests ANDs too deeply. */
static int reaching_conjuncts(const an_item *item, json_t ***list, size_t *n)
{
    an_block *blk = item->block;
    for (size_t i = 0; i < blk->nwhere && an_reach_where(item); i++)
        an_push_node(list, n, blk->where[i]);
    for (size_t i = 0; i < blk->nhaving && an_reach_having(item); i++)
        if (an_refers_to_keys_only(blk, blk->having[i]))
            an_push_node(list, n, blk->having[i]);
    for (const an_join_step *st = item->join; st; st = st->up) {
        if (an_reach_join_on(st) && an_conjuncts(ast_get(st->join, "quals"), list, n) < 0)
            return -1;
        if (an_reach_join_hides(st))
            break;      /* no ON further up names this side's columns */
    }
    return 0;
}

/*
 * The windows of all scans, as one system of equations.
 *
 * A scan's window is what its own block says about the column (WHERE,
 * HAVING, ON) intersected with what reaches it from elsewhere: the
 * window of another item's column it is equal to (a.d = b.d, USING), of
 * the column it leaves its block as (derived tables, CTEs: the widest
 * over all references).  Those windows depend on others in turn, and
 * the dependencies can form cycles (a.d = b.d AND b.d = c.d AND c.d =
 * a.d), so a recursive search is exponential in the worst case.
 *
 * Instead every (item, column) is one unknown, starting unbounded, and a
 * worklist recomputes an unknown whenever one it was computed from has
 * changed.  Recomputing only intersects and takes hulls of current
 * values, so values only shrink, and every value at every moment is a
 * window the actual rows lie in (by induction: the rows lie in the
 * unbounded start, and in local AND neighbours).  Stopping early is
 * therefore never unsafe, only less precise; the final values are the
 * greatest solution, the tightest windows this reasoning gives.  Each
 * value is one of finitely many bounds the query spells out, so the
 * worklist ends; PF_MAX_STEPS bounds its work for hostile input.
 */

static int node_for(pf *p, an_item *item, const char *const *cols)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        pf_node *n = &p->nodes[i];
        if (n->item != item)
            continue;
        int same = 1;
        for (int k = 0; k < 3 && same; k++)
            same = (!n->cols[k] && !cols[k]) ||
                   (n->cols[k] && cols[k] && strcasecmp(n->cols[k], cols[k]) == 0);
        if (same)
            return (int)i;
        }
    p->nodes = xrealloc(p->nodes, (p->nnodes + 1) * sizeof *p->nodes);
    pf_node *n = &p->nodes[p->nnodes];
    memset(n, 0, sizeof *n);
    n->item = item;
    for (int k = 0; k < 2 && cols[k]; k++)
        n->cols[k] = cols[k];
    n->value = FULL;
    n->queued = 1;
    p->queue = xrealloc(p->queue, (p->nqueue + 1) * sizeof *p->queue);
    p->queue[p->nqueue++] = (int)p->nnodes;
    return (int)p->nnodes++;
}

/* The current window of item.col, read by the node being computed. */
static bound neighbour(pf *p, an_item *item, const char *col)
{
    const char *cols[] = {col, NULL, NULL};
    int n = node_for(p, item, cols);
    p->reads++;
    if (p->current >= 0 && n != p->current) {
        pf_node *nd = &p->nodes[n];
        size_t k;
        for (k = 0; k < nd->nreaders && nd->readers[k] != p->current; k++)
            ;
        if (k == nd->nreaders) {
            nd->readers = xrealloc(nd->readers, (nd->nreaders + 1) * sizeof *nd->readers);
            nd->readers[nd->nreaders++] = p->current;
        }
    }
    return p->nodes[n].value;
}

/* One computation of node i from its block and its neighbours' values.
 * The first computation sorts the reaching conjuncts into those that
 * read no other window (their bound is fixed, kept) and those that do
 * (evaluated again each time, since their neighbours change). */
static bound compute(pf *p, int i)
{
    pf_node *nd = &p->nodes[i];
    an_item *item = nd->item;
    const char *cols[3] = {nd->cols[0], nd->cols[1], NULL};
    p->current = i;
    if (!an_reach_block_filters(item)) {
        /* Under TABLESAMPLE, or named through an alias list sluice
         * cannot follow: no filter reaches the scan (analyze_range.c). */
        p->current = -1;
        return FULL;
    }
    if (!p->nodes[i].computed) {
        json_t **conj = NULL, **dyn = NULL;
        size_t nconj = 0, ndyn = 0;
        bound fixed = FULL;
        if (reaching_conjuncts(item, &conj, &nconj) < 0)
            p->gave_up = 1;
        for (size_t k = 0; k < nconj; k++) {
            size_t before = p->reads;
            bound x = conj_bound(p, conj[k], item, cols, 1);
            if (p->reads != before) {
                an_push_node(&dyn, &ndyn, conj[k]);
            } else {
                fixed = intersect(fixed, x);
            }
        }
        free(conj);
        nd = &p->nodes[i];      /* neighbour() may have moved the array */
        nd->fixed = fixed;
        nd->dynamic = dyn;
        nd->ndynamic = ndyn;
        nd->exit = an_reach_exit(item, cols, &nd->exit_pos);
        nd->computed = 1;
    }
    bound b = p->nodes[i].fixed;
    for (size_t k = 0; k < p->nodes[i].ndynamic; k++)
        b = intersect(b, conj_bound(p, p->nodes[i].dynamic[k], item, cols, 1));
    for (const an_join_step *st = item->join; st; st = st->up)
        if (an_reach_join_on(st) && ast_get(st->join, "usingClause"))
            b = intersect(b, using_bound(p, item, st, cols, 1));
    an_block *blk = item->block;
    const char *out = p->nodes[i].exit;
    size_t pos = p->nodes[i].exit_pos;
    if (out) {
        if (blk->derived) {
            b = intersect(b, neighbour(p, blk->derived, out));
        } else if (blk->cte->nrefs) {
            /* A CTE is scanned once per reference: the widest of their
             * windows, each under the name the reference's own alias
             * list gives the column. */
            an_cte *cte = blk->cte;
            bound via = FULL;
            for (size_t k = 0; k < cte->nrefs; k++) {
                const char *name = an_reach_ref_name(cte->refs[k], pos, out);
                bound x = name ? neighbour(p, cte->refs[k], name) : FULL;
                via = k == 0 ? x : hull(via, x);
            }
            b = intersect(b, via);
        }
    }
    p->current = -1;
    return b;
}

static int same_bound(bound a, bound b)
{
    return a.has_lo == b.has_lo && a.has_hi == b.has_hi && (!a.has_lo || a.lo == b.lo) &&
           (!a.has_hi || a.hi == b.hi);
}

/* Run the worklist until no value changes or the work bound is hit. */
static void solve(pf *p)
{
    /* First in, first out: a change reaches all its readers before any
     * of them is recomputed twice. */
    while (p->qhead < p->nqueue) {
        if (p->steps > PF_MAX_STEPS) {
            p->gave_up = 1;
            return;
        }
        int i = p->queue[p->qhead++];
        if (p->qhead == p->nqueue)
            p->qhead = p->nqueue = 0;
        p->nodes[i].queued = 0;
        /* compute() may grow p->nodes: call it before reading the array. */
        bound computed = compute(p, i);
        bound b = intersect(p->nodes[i].value, computed);
        if (same_bound(b, p->nodes[i].value))
            continue;
        p->nodes[i].value = b;
        for (size_t k = 0; k < p->nodes[i].nreaders; k++) {
            int r = p->nodes[i].readers[k];
            if (!p->nodes[r].queued) {
                p->nodes[r].queued = 1;
                p->queue = xrealloc(p->queue, (p->nqueue + 1) * sizeof *p->queue);
                p->queue[p->nqueue++] = r;
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Blocks that read nothing                                            */

/* Three-valued logic: the truth of a constant condition. */
enum { TV_UNKNOWN = 0, TV_TRUE, TV_FALSE, TV_NULL };

/* A numeric constant (integer or decimal literal, folded INT arithmetic). */
static int const_number(json_t *e, double *v)
{
    json_t *f;
    long n;
    if (eval_int(e, &n) == 0) {
        *v = (double)n;
        return 0;
    }
    if (ast_unwrap(e, &f, NULL) != AST_A_Const)
        return -1;
    const char *fv = json_string_value(ast_get(ast_get(f, "fval"), "fval"));
    char *end;
    if (!fv)
        return -1;
    *v = strtod(fv, &end);
    return *end ? -1 : 0;
}

/* The truth of a condition made of constants only, as Spark's
 * ConstantFolding and BooleanSimplification leave it (Optimizer.scala,
 * expressions.scala): TRUE, FALSE, NULL and comparisons of two numeric
 * constants, under NOT, AND and OR.  Anything else is TV_UNKNOWN. */
static int const_truth(json_t *e, int depth)
{
    json_t *f;
    if (depth > PF_MAX_DEPTH)
        return TV_UNKNOWN;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_A_Const) {
        if (ast_get(f, "isnull"))
            return TV_NULL;
        json_t *bv = ast_get(f, "boolval");
        if (!bv)
            return TV_UNKNOWN;
        return json_is_true(ast_get(bv, "boolval")) ? TV_TRUE : TV_FALSE;
    }
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        json_t *args = ast_get(f, "args");
        if (strcmp(op, "NOT_EXPR") == 0) {
            int t = const_truth(json_array_get(args, 0), depth + 1);
            return t == TV_TRUE ? TV_FALSE : t == TV_FALSE ? TV_TRUE : t;
        }
        int and_op = strcmp(op, "AND_EXPR") == 0;
        int dominant = and_op ? TV_FALSE : TV_TRUE, seen_null = 0, seen_unknown = 0;
        size_t i;
        json_t *a;
        json_array_foreach(args, i, a) {
            int t = const_truth(a, depth + 1);
            if (t == dominant)
                return dominant;
            seen_null |= t == TV_NULL;
            seen_unknown |= t == TV_UNKNOWN;
        }
        return seen_unknown ? TV_UNKNOWN : seen_null ? TV_NULL : and_op ? TV_TRUE : TV_FALSE;
    }
    json_t *l, *r;
    const char *op = arith_op(e, &l, &r);
    double a, b;
    if (!op || !l || const_number(l, &a) < 0 || const_number(r, &b) < 0)
        return TV_UNKNOWN;
    int cmp = a < b ? -1 : a > b ? 1 : 0, t;
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0) t = cmp == 0;
    else if (strcmp(op, "<>") == 0 || strcmp(op, "!=") == 0) t = cmp != 0;
    else if (strcmp(op, "<") == 0) t = cmp < 0;
    else if (strcmp(op, "<=") == 0) t = cmp <= 0;
    else if (strcmp(op, ">") == 0) t = cmp > 0;
    else if (strcmp(op, ">=") == 0) t = cmp >= 0;
    else return TV_UNKNOWN;
    return t ? TV_TRUE : TV_FALSE;
}

/* Does the block itself return no rows without reading its FROM?  Its
 * WHERE is constant FALSE or NULL (PruneFilters replaces the filter and
 * everything under it with an empty relation), or its LIMIT is a
 * constant 0 (OptimizeLimitZero).  These are Superset's probes: the
 * custom-SQL x-axis type probe, adhoc filter probes and Explore's
 * expression validation (WHERE false, ... AND false, 1 = 0, LIMIT 0). */
static int block_empty(const an_block *blk)
{
    long n;
    json_t *lim = ast_get(blk->select, "limitCount");
    if (lim && eval_int(lim, &n) == 0 && n == 0)
        return 1;
    for (size_t i = 0; i < blk->nwhere; i++) {
        int t = const_truth(blk->where[i], 0);
        if (t == TV_FALSE || t == TV_NULL)
            return 1;
    }
    return 0;
}

/* Is every run of the block inside a block that reads nothing: the
 * block itself, the block around the derived table it is, or, for a CTE
 * body, the blocks of all its references.  A subquery in an expression
 * is judged on its own (its enclosing block is not recorded). */
static int reads_nothing(const an_block *blk, int depth)
{
    if (depth > PF_MAX_DEPTH)
        return 0;
    if (block_empty(blk))
        return 1;
    if (blk->in_expression)
        return 0;
    if (blk->derived)
        return reads_nothing(blk->derived->block, depth + 1);
    if (blk->cte && blk->cte->nrefs) {
        for (size_t k = 0; k < blk->cte->nrefs; k++)
            if (!reads_nothing(blk->cte->refs[k]->block, depth + 1))
                return 0;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Superset's Explore shapes                                           */

/* Is e a plain column reference (not a star)? */
static int plain_column(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = ast_get(f, "fields");
    json_t *last = json_array_get(fields, json_array_size(fields) - 1);
    return ast_string_value(last) != NULL;
}

/* count(*) with nothing else: no DISTINCT, FILTER or OVER. */
static int count_star(json_t *e)
{
    json_t *f;
    const char *fn;
    return ast_unwrap(e, &f, NULL) == AST_FuncCall && (fn = an_func_name(f)) &&
           strcasecmp(fn, "count") == 0 && ast_get(f, "agg_star") && !ast_get(f, "agg_distinct") &&
           !ast_get(f, "agg_filter") && !ast_get(f, "over");
}

/* The Explore shape of the statement (docs/superset-rules.md) whose
 * explore policy is "inject", by its structure, or NULL:
 *   column_discovery  the statement's outermost LIMIT is 1 (Superset
 *                     runs a virtual dataset's SQL with LIMIT 1 to learn
 *                     its columns);
 * and for one simple SELECT (no WITH, set operation, window, HAVING or
 * GROUPING SETS) reading one FROM item, a table or Superset's
 * (...) AS virtual_table:
 *   samples           plain columns or *, no DISTINCT, GROUP BY or
 *                     aggregate, LIMIT at most explore.max_rows (the
 *                     Samples pane, drill to detail);
 *   distinct_values   DISTINCT of one plain column, or plain columns
 *                     grouped by exactly themselves, LIMIT at most
 *                     explore.max_rows (the filter-value picker, native
 *                     filter options);
 *   sample_count      COUNT(*) alone, no GROUP BY (the Samples pane's
 *                     row count). */
static const char *explore_shape(check_ctx *ctx)
{
    const rules_explore *ex = &ctx->rules->explore;
    json_t *sel = ast_get(ctx->stmt->node, "SelectStmt");
    json_t *lc = sel ? ast_get(sel, "limitCount") : NULL;
    long lim = 0;
    int has_lim = lc && eval_int(lc, &lim) == 0;
    if (!sel || ctx->judge_only)
        return NULL;
    if (ex->column_discovery && has_lim && lim == 1)
        return "column_discovery";
    const an_block *b = ctx->an->top;
    if (!b || b->nitems != 1 || ast_get(sel, "withClause") || b->has_window || b->nhaving ||
        b->grouping_sets || b->noutputs == 0)
        return NULL;
    const an_item *it = b->items[0];
    if (it->kind != AN_TABLE &&
        !(it->kind == AN_SUBQUERY && it->alias && strcmp(it->alias, "virtual_table") == 0))
        return NULL;
    json_t *distinct = ast_get(sel, "distinctClause");
    int plain = 1, stars = 0;
    for (size_t i = 0; i < b->noutputs; i++) {
        stars += b->outputs[i].star;
        plain &= b->outputs[i].star || plain_column(b->outputs[i].expr);
    }
    int in_rows = has_lim && lim >= 1 && lim <= ex->max_rows;
    if (ex->sample_count && b->noutputs == 1 && b->naggs == 1 && !distinct &&
        !ast_get(sel, "groupClause") && count_star(b->outputs[0].expr))
        return "sample_count";
    if (!plain || b->naggs || !in_rows)
        return NULL;
    if (ex->samples && !distinct && !ast_get(sel, "groupClause"))
        return "samples";
    if (!ex->distinct_values || stars)
        return NULL;
    json_t *d0 = json_array_get(distinct, 0);
    if (distinct && json_array_size(distinct) == 1 && json_object_size(d0) == 0 &&
        b->noutputs == 1 && !ast_get(sel, "groupClause"))
        return "distinct_values";
    if (!distinct && ast_get(sel, "groupClause") && b->ngroup == b->noutputs) {
        for (size_t i = 0; i < b->noutputs; i++)
            if (!an_is_group_key(b, b->outputs[i].expr))
                return NULL;
        return "distinct_values";
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Enforcement                                                         */

/* alias.col >= current_date() - INTERVAL 'n DAYS', as the parser builds it. */
static json_t *window_predicate(const char *qualifier, const char *col, long days)
{
    char iv[32];
    snprintf(iv, sizeof iv, "%ld DAYS", days);
    json_t *since = ast_new_binary_op("-", ast_new_current_date(),
                                      ast_new_typed_literal("interval", iv));
    return ast_new_binary_op(">=", ast_new_column_ref(qualifier, col), since);
}

/* Add the default window to the scan; *qualifier receives the name the
 * column is qualified with ("" for none).  Returns 0, or -1 when there
 * is no name to qualify the column with (IDENTIFIER(...) without an
 * alias beside other FROM items), -2 when the block cannot take a WHERE
 * (an_block_takes_clauses), -3 when no filter sluice could add reaches
 * the scan (TABLESAMPLE, a FULL JOIN, columns renamed by an alias list,
 * a non-deterministic LATERAL VIEW). */
static int inject(an_item *item, const rules_table *t, const char **qualifier_out)
{
    const char *qualifier = item->alias;
    /* A filter added beside a sampled scan stays above the Sample, and
     * one on a renamed table names another column (analyze_range.c). */
    if (!an_reach_block_filters(item))
        return -3;
    if (item->via_identifier && !ast_get(item->node, "alias")) {
        if (item->block->nitems != 1)
            return -1;
        qualifier = NULL;
    }
    *qualifier_out = qualifier ? qualifier : "";
    json_t *pred = window_predicate(qualifier, t->column, t->default_days);
    /* On the null-supplying side of an outer join the filter belongs in
     * that join's ON, where it cannot turn the join into an inner one. */
    for (const an_join_step *st = item->join; st; st = st->up) {
        const char *jt = ast_str(st->join, "jointype");
        if ((strcmp(jt, "JOIN_LEFT") == 0 && st->side == 1) ||
            (strcmp(jt, "JOIN_RIGHT") == 0 && st->side == 0) || strcmp(jt, "JOIN_FULL") == 0) {
            /* The ON of a FULL JOIN reaches neither side, and a WHERE
             * would change the join's result. */
            if (!an_reach_join_on(st)) {
                json_decref(pred);
                return -3;
            }
            ast_and_into(st->join, "quals", pred);
            return 0;
        }
    }
    if (!an_block_takes_clauses(item->block)) {
        json_decref(pred);
        return -2;
    }
    /* A WHERE above a non-deterministic LATERAL VIEW does not reach the
     * scan (analyze_range.c). */
    if (!an_reach_where(item)) {
        json_decref(pred);
        return -3;
    }
    ast_and_into(item->block->select, "whereClause", pred);
    return 0;
}

/* Days a window spans: the days from the one holding its lower bound
 * to the one holding the last value before its upper bound (0 for an
 * empty window), or -1 when it has no lower bound.  A missing upper
 * bound is the start of today. */
static double window_days(bound b, long now_days)
{
    if (!b.has_lo)
        return -1;
    long long hi = b.has_hi ? b.hi : (long long)now_days * DATES_US_PER_DAY;
    if (hi <= b.lo)
        return 0;
    return (double)(dates_day_of_us(hi - 1) - dates_day_of_us(b.lo) + 1);
}

typedef struct scan {
    an_item *item;
    const rules_table *table;
    char name[300];         /* the table as messages name it */
    char note[400];         /* why, for a table the name may be under another
                               catalog or schema ("" otherwise) */
    int alternatives;       /* partitioned tables the name may be, this one included */
    bound window;
    int node;               /* its unknown in the window equations */
    int gave_up;
    const char *shape;      /* the Explore shape whose policy injects, or NULL */
} scan;

static void check_scan(pf *p, const scan *sc)
{
    check_ctx *c = p->ctx;
    an_item *item = sc->item;
    const rules_table *t = sc->table;
    char problem[900];
    double days = window_days(sc->window, c->now_days);
    if (days < 0 && sc->gave_up) {
        snprintf(problem, sizeof problem, "sluice gave up measuring the filters on %s (more "
                 "than %d levels of nesting, or %d conditions examined in the statement); it "
                 "counts as unfiltered", sc->name, PF_MAX_DEPTH, PF_MAX_STEPS);
    } else if (days < 0 && !an_reach_block_filters(item)) {
        snprintf(problem, sizeof problem, "%s is read in full: %s", sc->name,
                 item->sampled ? "Spark pushes no filter through TABLESAMPLE (filter the table "
                                 "in a subquery and sample its rows with rand() instead)"
                               : "an alias column list renames its columns, so no filter "
                                 "can be known to name its partition column");
    } else if (days < 0) {
        snprintf(problem, sizeof problem, "%s is scanned without a lower bound on its "
                 "partition column %s", sc->name, t->column);
    } else {
        if (t->max_days == 0 || days <= (double)t->max_days)
            return;
        snprintf(problem, sizeof problem, "the filter on %s.%s spans %.0f days; the maximum "
                 "is %ld days", sc->name, t->column, days, t->max_days);
    }
    size_t plen = strlen(problem);
    snprintf(problem + plen, sizeof problem - plen, "%s", sc->note);
    rules_enforce enforce = t->enforce;
    if (enforce == RULES_ENFORCE_REJECT && sc->shape)
        enforce = RULES_ENFORCE_REWRITE;    /* the explore section's policy */
    const char *qualifier = "";
    if (enforce == RULES_ENFORCE_REWRITE && c->judge_only) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; sluice does not add the default window inside %s: add a filter "
                     "such as WHERE %s >= current_date() - INTERVAL %ld DAYS to its query",
                     problem, c->judge_only, t->column, t->default_days);
        return;
    }
    if (enforce == RULES_ENFORCE_REWRITE && t->max_days > 0) {
        /* The default window only adds a lower bound: when the window
         * ends after today by too much, it would still be too wide (and
         * checking sluice's output again would inject again). */
        bound with = intersect(sc->window, (bound){1, 0, (long long)(c->now_days - t->default_days) * DATES_US_PER_DAY, 0});
        double after = window_days(with, c->now_days);
        if (after > (double)t->max_days) {
            c->rejected = 1;
            check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                         "%s; its upper bound is too far ahead for the default window to "
                         "help (it would still span %.0f days): bound %s on both sides",
                         problem, after, t->column);
            return;
        }
    }
    if (enforce == RULES_ENFORCE_REWRITE && sc->alternatives > 1) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; the name may be %d partitioned tables, so sluice does not add a "
                     "window: write it as catalog.schema.table, or add a filter such as WHERE "
                     "%s >= current_date() - INTERVAL %ld DAYS", problem, sc->alternatives,
                     t->column, t->default_days);
        return;
    }
    int injected = enforce == RULES_ENFORCE_REWRITE ? inject(item, t, &qualifier) : 0;
    if (injected == -3) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; sluice cannot add a filter that reaches this scan: read it through "
                     "a subquery such as (SELECT * FROM %s WHERE %s >= current_date() - "
                     "INTERVAL %ld DAYS)", problem, item->qualified, t->column, t->default_days);
        return;
    }
    if (injected < 0) {
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; %s add a filter such as WHERE %s >= current_date() - "
                     "INTERVAL %ld DAYS", problem,
                     injected == -1 ? "give IDENTIFIER(...) an alias so a filter can name it, or"
                                    : "sluice cannot add one under a PIVOT / UNPIVOT whose "
                                      "clause names columns by table:",
                     t->column, t->default_days);
        return;
    }
    switch (enforce) {
    case RULES_ENFORCE_REWRITE:
        c->modified = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_INFO, item->location,
                     "%s; added %s%s%s >= current_date() - INTERVAL %ld DAYS%s%s%s", problem,
                     qualifier, *qualifier ? "." : "", t->column, t->default_days,
                     sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? " (the query has the shape of "
                     "explore." : "", sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? sc->shape : "",
                     sc->shape && t->enforce != RULES_ENFORCE_REWRITE ? ", whose policy is inject)" : "");
        break;
    case RULES_ENFORCE_REJECT:
        c->rejected = 1;
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, item->location,
                     "%s; add a filter such as WHERE %s >= current_date() - INTERVAL %ld DAYS",
                     problem, t->column, t->default_days);
        break;
    case RULES_ENFORCE_WARN:
        check_report(c, RULE_PARTITION_FILTER, SL_SEVERITY_WARNING, item->location, "%s", problem);
        break;
    case RULES_ENFORCE_OFF:     /* not a mode it takes (rule_table.c) */
        break;
    }
}

void check_partition_filter(check_ctx *ctx)
{
    if (ctx->rules->ntables == 0)
        return;
    analysis *an = ctx->an;
    if (an->incomplete.set) {
        ctx->rejected = 1;
        check_report(ctx, RULE_PARTITION_FILTER, SL_SEVERITY_ERROR, an->incomplete.location,
                     "%s; refusing the statement, since a scan sluice cannot see could be "
                     "unbounded", an->incomplete.message);
        return;
    }
    pf p;
    pf_init(&p, ctx);
    /* Every window is measured on the original tree before any filter is
     * injected: an injected filter in one block must not make another
     * scan look bounded. */
    const char *shape = explore_shape(ctx);
    size_t cap = an->nitems ? an->nitems : 1, nscans = 0;
    scan *scans = xcalloc(cap, sizeof *scans);
    for (size_t i = 0; i < an->nitems; i++) {
        an_item *it = an->items[i];
        if (it->kind != AN_TABLE)
            continue;
        /* Scans inside CTEs nobody references are never run, and scans
         * under a block that reads nothing (WHERE false, LIMIT 0) are
         * pruned before they run: no window, nothing injected. */
        if ((it->block->cte && it->block->cte->nrefs == 0) || reads_nothing(it->block, 0))
            continue;
        /* Every configured table the name may be (resolution, rules.h):
         * the scan answers to each partitioned one. */
        const rules_table *cand[RULES_MAX_CANDIDATES];
        size_t ncand = rules_resolve(ctx->rules, it->qualified, it->nparts, cand,
                                     RULES_MAX_CANDIDATES);
        int parts = 0;
        for (size_t k = 0; k < ncand && k < RULES_MAX_CANDIDATES; k++)
            parts += cand[k]->partitioned;
        for (size_t k = 0; k < ncand && k < RULES_MAX_CANDIDATES; k++) {
            const rules_table *t = cand[k];
            if (!t->partitioned)
                continue;
            const char *cols[] = {t->column, t->derived_from, NULL};
            if (nscans == cap) {
                cap *= 2;
                scans = xrealloc(scans, cap * sizeof *scans);
            }
            scan *sc = &scans[nscans++];
            *sc = (scan){it, t, "", "", parts, FULL, node_for(&p, it, cols), 0, shape};
            if (t == rules_find_table(ctx->rules, it->qualified)) {
                snprintf(sc->name, sizeof sc->name, "%s", it->qualified);
            } else {
                snprintf(sc->name, sizeof sc->name, "%s", t->exact ? t->exact
                                                                    : analysis_written_name(it));
                snprintf(sc->note, sizeof sc->note, " (%s may be %s%s under another catalog or "
                         "schema than %s)", analysis_written_name(it),
                         t->exact ? "this table" : "a table matching ", t->exact ? "" : t->match,
                         it->qualified);
            }
        }
    }
    solve(&p);
    for (size_t i = 0; i < nscans; i++) {
        scans[i].window = p.nodes[scans[i].node].value;
        scans[i].gave_up = p.gave_up;
        check_scan(&p, &scans[i]);
    }
    free(scans);
    pf_free(&p);
}

int check_upper_bound(check_ctx *ctx, an_item *item, const char *column, long long *hi)
{
    pf p;
    pf_init(&p, ctx);
    const char *cols[] = {column, NULL, NULL};
    int n = node_for(&p, item, cols);
    solve(&p);
    bound b = p.nodes[n].value;
    int rc = b.has_hi && !p.gave_up ? 0 : -1;
    if (rc == 0)
        *hi = b.hi;
    pf_free(&p);
    return rc;
}

int check_comparison_upper(check_ctx *ctx, const char *op, json_t *value, int column_on_left,
                           long long *hi)
{
    pf p;
    pf_init(&p, ctx);
    dval v;
    int rc = eval_date(&p, value, &v, 0);
    pf_free(&p);
    if (rc < 0)
        return -1;
    bound b = cmp_bound(op, v, column_on_left);
    if (!b.has_hi)
        return -1;
    *hi = b.hi;
    return 0;
}

int check_eval_date(check_ctx *ctx, json_t *expr, long long *us)
{
    pf p;
    pf_init(&p, ctx);
    dval v;
    int rc = eval_date(&p, expr, &v, 0);
    pf_free(&p);
    if (rc == 0)
        *us = v.us;
    return rc;
}
