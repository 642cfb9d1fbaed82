/*
 * analyze_const.c - constant expressions, evaluated exactly or not at
 * all: date and time values against the request's clock (literals,
 * casts, the clock functions, a table of Databricks' date functions,
 * intervals and date arithmetic), INT expressions folded as Spark's
 * ConstantFolding folds them, and the truth of constant conditions.
 *
 * The range analysis (analyze_range.c) reads the bounds comparisons put
 * on columns from these values; partition-filter reads a LIMIT's value,
 * aggregate-routing the upper bound of a comparison (analyze_range.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze_range.h"
#include "ast.h"
#include "dates.h"
#include "keywords.h"

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

/* ------------------------------------------------------------------ */
/* Date and time values                                                */

/* One evaluation: the clock it reads, and whether it hit
 * AN_RANGE_MAX_DEPTH. */
typedef struct ev {
    const an_clock *clock;
    int gave_up;
} ev;

static an_time dv_typed(long long us, int type)
{
    an_time v = {us, us, type};
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

static int eval_date(ev *p, json_t *e, an_time *out, int depth);

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

/* The key two interval literals are compared by (an_interval_key):
 * their value, and the fields of the type Spark gives them.  Without
 * spark.sql.legacy.interval.enabled, AstBuilder types INTERVAL 1 DAY,
 * INTERVAL '1' DAY and INTERVAL '1 day' alike (visitTypeConstructor and
 * visitMultiUnitsInterval both call constructMultiUnitsIntervalLiteral):
 * a year-month or day-time interval from the first to the last unit
 * named, a week counting as days and milli- or microseconds as seconds.
 * INTERVAL 24 HOURS holds the value of INTERVAL 1 DAY but is an
 * INTERVAL HOUR, which date + interval reads otherwise (TimeAdd on a
 * TIMESTAMP instead of DateAdd): not the same. */
static int unit_field(const struct iv_unit *u)
{
    static const char *const fields[] = {"year", "month", "day", "hour", "minute", "second"};
    const char *n = strcmp(u->name, "week") == 0 ? "day"
                  : (strcmp(u->name, "millisecond") == 0 ||
                     strcmp(u->name, "microsecond") == 0) ? "second" : u->name;
    for (int i = 0; i < 6; i++)
        if (strcmp(n, fields[i]) == 0)
            return i;
    return -1;
}

int an_interval_key(json_t *e, an_interval *out)
{
    json_t *f, *af, *mf;
    if (eval_interval_literal(e, &out->us, &out->months) < 0)
        return -1;
    ast_unwrap(e, &f, NULL);
    ast_unwrap(ast_get(f, "arg"), &af, NULL);
    json_t *mods = ast_get(ast_get(f, "typeName"), "typmods");
    out->first = 6;
    out->last = -1;
    if (mods) {
        static const long bits[] = {IM_YEAR, IM_MONTH, IM_DAY, IM_HOUR, IM_MINUTE, IM_SECOND};
        ast_unwrap(json_array_get(mods, 0), &mf, NULL);
        long mask = (long)json_integer_value(ast_get(ast_get(mf, "ival"), "ival"));
        for (int i = 0; i < 6; i++)
            if (mask & bits[i]) {
                if (i < out->first)
                    out->first = i;
                out->last = i;
            }
        return out->last < 0 ? -1 : 0;
    }
    const char *s = json_string_value(ast_get(ast_get(af, "sval"), "sval"));
    for (const char *p = s; *p;) {
        if (!isalpha((unsigned char)*p)) {
            p++;
            continue;
        }
        /* Spark takes its units from the words between spaces: a
         * unit written against its number ("1day") is left alone. */
        if (p > s && !isspace((unsigned char)p[-1]))
            return -1;
        const char *w = p;
        while (isalpha((unsigned char)*p))
            p++;
        const struct iv_unit *u = interval_unit(w, (size_t)(p - w));
        int fi = u ? unit_field(u) : -1;
        if (fi < 0)
            return -1;
        if (fi < out->first)
            out->first = fi;
        if (fi > out->last)
            out->last = fi;
    }
    /* Year-month and day-time units together: Spark refuses the literal. */
    return out->last < 0 || (out->first <= 1 && out->last >= 2) ? -1 : 0;
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
    if (depth > AN_RANGE_MAX_DEPTH)
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

int an_eval_int(json_t *e, long *out)
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
    if (!(eval_interval_literal(l, us, months) == 0 && an_eval_int(r, &n) == 0) &&
        !(an_eval_int(l, &n) == 0 && eval_interval_literal(r, us, months) == 0))
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
static an_time as_date(an_time v)
{
    return dv_typed(floor_day_us(v.type == AN_TIME_STRING ? v.date_us : v.us), AN_TIME_DATE);
}

/* The value cast to TIMESTAMP: a string by stringToTimestamp. */
static an_time as_timestamp(an_time v)
{
    return dv_typed(v.us, AN_TIME_TIMESTAMP);
}

/* ---- date functions: one row per function and arity ---------------- */

typedef int (*date_fn)(ev *p, json_t *args, an_time *out, int depth);

static long long now_us(const ev *p)
{
    return (long long)p->clock->days * DATES_US_PER_DAY +
           (long long)p->clock->seconds * DATES_US_PER_SECOND;
}

static int df_today(ev *p, json_t *args, an_time *out, int depth)
{
    (void)args, (void)depth;
    if (p->clock->unknown)
        return -1;
    *out = dv_typed((long long)p->clock->days * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

static int df_now(ev *p, json_t *args, an_time *out, int depth)
{
    (void)args, (void)depth;
    if (p->clock->unknown)
        return -1;
    *out = dv_typed(now_us(p), AN_TIME_TIMESTAMP);
    return 0;
}

/* A string argument read by one cast only: a DATE argument of a
 * function reads trailing text after the date that a TIMESTAMP reading
 * refuses ("2026-11-01 anything"). */
static int eval_as(ev *p, json_t *e, int type, an_time *out, int depth)
{
    const char *s = const_string(e);
    if (s) {
        long day;
        long long us;
        if (type == AN_TIME_DATE && dates_spark_date(s, &day) == 0) {
            *out = dv_typed((long long)day * DATES_US_PER_DAY, AN_TIME_DATE);
            return 0;
        }
        if (type == AN_TIME_TIMESTAMP && dates_spark_timestamp(s, &us) == 0) {
            *out = dv_typed(us, AN_TIME_TIMESTAMP);
            return 0;
        }
        return -1;
    }
    if (eval_date(p, e, out, depth + 1) < 0)
        return -1;
    *out = type == AN_TIME_DATE ? as_date(*out) : as_timestamp(*out);
    return 0;
}

static int df_to_date(ev *p, json_t *args, an_time *out, int depth)
{
    return eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth);
}

static int df_to_date_format(ev *p, json_t *args, an_time *out, int depth)
{
    long day;
    (void)p, (void)depth;
    if (eval_formatted_date(json_array_get(args, 0), json_array_get(args, 1), &day) < 0)
        return -1;
    *out = dv_typed((long long)day * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

static int df_to_timestamp(ev *p, json_t *args, an_time *out, int depth)
{
    return eval_as(p, json_array_get(args, 0), AN_TIME_TIMESTAMP, out, depth);
}

static int shift_days(ev *p, json_t *args, an_time *out, int depth, int sign)
{
    long v;
    if (an_eval_int(json_array_get(args, 1), &v) < 0 ||
        eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth) < 0)
        return -1;
    *out = dv_typed(out->us + sign * (long long)v * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

static int df_date_add(ev *p, json_t *args, an_time *out, int depth)
{
    return shift_days(p, args, out, depth, 1);
}

static int df_date_sub(ev *p, json_t *args, an_time *out, int depth)
{
    return shift_days(p, args, out, depth, -1);
}

static int df_add_months(ev *p, json_t *args, an_time *out, int depth)
{
    long v;
    if (an_eval_int(json_array_get(args, 1), &v) < 0 ||
        eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth) < 0)
        return -1;
    *out = dv_typed(add_months_us(out->us, v), AN_TIME_DATE);
    return 0;
}

static int df_make_date(ev *p, json_t *args, an_time *out, int depth)
{
    long y, m, d;
    (void)p, (void)depth;
    if (an_eval_int(json_array_get(args, 0), &y) < 0 || an_eval_int(json_array_get(args, 1), &m) < 0 ||
        an_eval_int(json_array_get(args, 2), &d) < 0 || m < 1 || m > 12 || d < 1 ||
        d > 31 || y < 1 || y > 9999)
        return -1;
    long day = dates_from_civil(y, (unsigned)m, (unsigned)d);
    long yy;
    unsigned mm, dd;
    dates_to_civil(day, &yy, &mm, &dd);
    if (yy != y || (long)mm != m || (long)dd != d)
        return -1;      /* 2026-02-30 is NULL in Spark, not a date */
    *out = dv_typed((long long)day * DATES_US_PER_DAY, AN_TIME_DATE);
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
static int df_date_trunc(ev *p, json_t *args, an_time *out, int depth)
{
    const char *unit = const_string(json_array_get(args, 0));
    if (!unit || eval_as(p, json_array_get(args, 1), AN_TIME_TIMESTAMP, out, depth) < 0 ||
        truncate_to(unit, 0, &out->us) < 0)
        return -1;
    *out = dv_typed(out->us, AN_TIME_TIMESTAMP);
    return 0;
}

/* trunc(date, unit): a DATE (TruncDate); its argument is cast to DATE. */
static int df_trunc(ev *p, json_t *args, an_time *out, int depth)
{
    const char *unit = const_string(json_array_get(args, 1));
    if (!unit || eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth) < 0 ||
        truncate_to(unit, 1, &out->us) < 0)
        return -1;
    *out = dv_typed(out->us, AN_TIME_DATE);
    return 0;
}

/* last_day(date): the last day of its month. */
static int df_last_day(ev *p, json_t *args, an_time *out, int depth)
{
    if (eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth) < 0)
        return -1;
    long day = dates_add_months(dates_trunc(dates_day_of_us(out->us), DATES_MONTH), 1) - 1;
    *out = dv_typed((long long)day * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

/* next_day(date, 'MO'): the first later date on that day of the week
 * (DateTimeUtils.getDayOfWeekFromString: two letters, three, or the
 * whole name, any case). */
static int df_next_day(ev *p, json_t *args, an_time *out, int depth)
{
    static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
    const char *dow = const_string(json_array_get(args, 1));
    if (!dow || eval_as(p, json_array_get(args, 0), AN_TIME_DATE, out, depth) < 0)
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
    *out = dv_typed((long long)(day + (ahead ? ahead : 7)) * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

/* date_from_unix_date(n): day n. */
static int df_from_unix_date(ev *p, json_t *args, an_time *out, int depth)
{
    long v;
    (void)p, (void)depth;
    if (an_eval_int(json_array_get(args, 0), &v) < 0)
        return -1;
    *out = dv_typed((long long)v * DATES_US_PER_DAY, AN_TIME_DATE);
    return 0;
}

/* The three-argument form (SqlBaseParser.g4 #timestampadd): TIMESTAMPADD,
 * DATEADD or DATE_ADD (unit, n, ts), unit one of datetimeUnit's words
 * (written as a name, which the bridge reads as a column reference) or
 * a string; the result is a TIMESTAMP (TimestampAdd).  sqlglot writes
 * date_add(d, n) this way: DATEADD(DAY, n, d). */
static int df_timestampadd(ev *p, json_t *args, an_time *out, int depth)
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
    if (!unit || an_eval_int(json_array_get(args, 1), &n) < 0 ||
        eval_as(p, json_array_get(args, 2), AN_TIME_TIMESTAMP, out, depth) < 0)
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strcasecmp(unit, units[i].name) == 0) {
            *out = dv_typed(add_months_us(out->us, units[i].months * n) + units[i].us * n,
                            AN_TIME_TIMESTAMP);
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
        return AN_TIME_DATE;
    /* TIMESTAMP is TIMESTAMP_LTZ or TIMESTAMP_NTZ by spark.sql.timestampType;
     * either compares with a column on the session's wall clock. */
    if (strcasecmp(tn, "timestamp") == 0 || strcasecmp(tn, "timestamp_ntz") == 0 ||
        strcasecmp(tn, "timestamp_ltz") == 0)
        return AN_TIME_TIMESTAMP;
    return -1;
}

/* The value of a constant date or timestamp expression (see an_time).
 * Returns 0, or -1 when e is not a constant sluice evaluates exactly. */
static int eval_date(ev *p, json_t *e, an_time *out, int depth)
{
    json_t *f;
    if (depth > AN_RANGE_MAX_DEPTH) {
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
        out->type = AN_TIME_STRING;
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
        } else if (an_eval_int(r, &v) == 0 && eval_date(p, l, out, depth + 1) == 0 &&
                   out->type == AN_TIME_DATE) {
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
        if (out->type == AN_TIME_DATE && us % DATES_US_PER_DAY != 0)
            out->type = AN_TIME_TIMESTAMP;
        return 0;
    }
    return -1;
}

int an_eval_date_at(const an_clock *clock, json_t *e, an_time *out, int depth, int *gave_up)
{
    ev x = {clock, 0};
    int rc = eval_date(&x, e, out, depth);
    if (x.gave_up && gave_up)
        *gave_up = 1;
    return rc;
}

int an_eval_date(const an_clock *clock, json_t *e, an_time *out)
{
    return an_eval_date_at(clock, e, out, 0, NULL);
}

/* ------------------------------------------------------------------ */
/* Constant conditions                                                 */

/* A numeric constant (integer or decimal literal, folded INT arithmetic). */
static int const_number(json_t *e, double *v)
{
    json_t *f;
    long n;
    if (an_eval_int(e, &n) == 0) {
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
 * constants, under NOT, AND and OR.  Anything else is AN_TV_UNKNOWN. */
static int const_truth(json_t *e, int depth)
{
    json_t *f;
    if (depth > AN_RANGE_MAX_DEPTH)
        return AN_TV_UNKNOWN;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (k == AST_A_Const) {
        if (ast_get(f, "isnull"))
            return AN_TV_NULL;
        json_t *bv = ast_get(f, "boolval");
        if (!bv)
            return AN_TV_UNKNOWN;
        return json_is_true(ast_get(bv, "boolval")) ? AN_TV_TRUE : AN_TV_FALSE;
    }
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        json_t *args = ast_get(f, "args");
        if (strcmp(op, "NOT_EXPR") == 0) {
            int t = const_truth(json_array_get(args, 0), depth + 1);
            return t == AN_TV_TRUE ? AN_TV_FALSE : t == AN_TV_FALSE ? AN_TV_TRUE : t;
        }
        int and_op = strcmp(op, "AND_EXPR") == 0;
        int dominant = and_op ? AN_TV_FALSE : AN_TV_TRUE, seen_null = 0, seen_unknown = 0;
        size_t i;
        json_t *a;
        json_array_foreach(args, i, a) {
            int t = const_truth(a, depth + 1);
            if (t == dominant)
                return dominant;
            seen_null |= t == AN_TV_NULL;
            seen_unknown |= t == AN_TV_UNKNOWN;
        }
        return seen_unknown ? AN_TV_UNKNOWN : seen_null ? AN_TV_NULL : and_op ? AN_TV_TRUE : AN_TV_FALSE;
    }
    json_t *l, *r;
    const char *op = arith_op(e, &l, &r);
    double a, b;
    if (!op || !l || const_number(l, &a) < 0 || const_number(r, &b) < 0)
        return AN_TV_UNKNOWN;
    int cmp = a < b ? -1 : a > b ? 1 : 0, t;
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0) t = cmp == 0;
    else if (strcmp(op, "<>") == 0 || strcmp(op, "!=") == 0) t = cmp != 0;
    else if (strcmp(op, "<") == 0) t = cmp < 0;
    else if (strcmp(op, "<=") == 0) t = cmp <= 0;
    else if (strcmp(op, ">") == 0) t = cmp > 0;
    else if (strcmp(op, ">=") == 0) t = cmp >= 0;
    else return AN_TV_UNKNOWN;
    return t ? AN_TV_TRUE : AN_TV_FALSE;
}

int an_const_truth(json_t *e)
{
    return const_truth(e, 0);
}
