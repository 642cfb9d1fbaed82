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
 *     side only; full: neither);
 *   - from the block around a derived table, CTE reference or Superset's
 *     virtual_table, when the column passes through unchanged (no LIMIT,
 *     grouped on it if grouped, no window function partitioned
 *     otherwise) -- for a CTE, the widest window over all its references;
 *   - through equalities with another item's column that has a window.
 * An OR bounds a scan only if every branch does (their hull); anything
 * else a conjunct says (NOT, functions around the column, other tables'
 * columns) bounds nothing.  Constants are evaluated against the
 * request's "now": DATE/TIMESTAMP literals, strings, CAST, to_date,
 * current_date(), current_timestamp(), now(), +/- INTERVAL, date_add,
 * date_sub, add_months, date_trunc.
 *
 * Windows are measured in days: from the lower bound to the upper bound
 * (exclusive), a missing upper bound meaning the start of today, so
 * "col >= current_date() - INTERVAL 30 DAYS" is a 30-day window.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "ast.h"
#include "check.h"
#include "dates.h"

#define MAX_DEPTH 24

typedef struct bound {
    int has_lo, has_hi;
    double lo, hi;          /* days since 1970-01-01; hi is exclusive */
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
    r.lo = r.has_lo ? fmin(a.lo, b.lo) : 0;
    r.has_hi = a.has_hi && b.has_hi;
    r.hi = r.has_hi ? fmax(a.hi, b.hi) : 0;
    return r;
}

typedef struct pf {
    check_ctx *ctx;
    analysis an;
} pf;

/* ------------------------------------------------------------------ */
/* Constant date expressions                                           */

static const char *func_name(json_t *f)
{
    json_t *names = json_object_get(f, "funcname");
    return ast_string_value(json_array_get(names, json_array_size(names) - 1));
}

/* Interval text "7 DAYS", "1 DAY 2 HOURS", "3 months": *days, *months. */
static int parse_interval(const char *s, double *days, long *months)
{
    *days = 0;
    *months = 0;
    const char *p = s;
    int pairs = 0;
    while (*p) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        char *end;
        double v = strtod(p, &end);
        if (end == p)
            return -1;
        p = end;
        while (isspace((unsigned char)*p))
            p++;
        const char *u = p;
        while (isalpha((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - u);
        if (n == 0)
            return -1;
        if (n >= 3 && strncasecmp(u, "day", 3) == 0) *days += v;
        else if (n >= 4 && strncasecmp(u, "week", 4) == 0) *days += 7 * v;
        else if (n >= 4 && strncasecmp(u, "hour", 4) == 0) *days += v / 24;
        else if (n >= 6 && strncasecmp(u, "minute", 6) == 0) *days += v / 1440;
        else if (n >= 6 && strncasecmp(u, "second", 6) == 0) *days += v / 86400;
        else if (n >= 5 && strncasecmp(u, "month", 5) == 0) *months += (long)v;
        else if (n >= 4 && strncasecmp(u, "year", 4) == 0) *months += 12 * (long)v;
        else return -1;
        pairs++;
    }
    return pairs ? 0 : -1;
}

static int eval_date(pf *p, json_t *e, double *out, int depth);

static const char *const_string(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Const)
        return NULL;
    return json_string_value(json_object_get(json_object_get(f, "sval"), "sval"));
}

/* to_date('01/10/2026', 'dd/MM/yyyy'): the pattern letters y, M and d
 * (each run of one letter is one field), anything else literal. */
static int eval_formatted_date(json_t *value, json_t *format, double *out)
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
    *out = (double)dates_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

static int eval_interval(json_t *e, double *days, long *months)
{
    json_t *f, *af;
    if (ast_unwrap(e, &f, NULL) != AST_TypeCast)
        return -1;
    json_t *names = json_object_get(json_object_get(f, "typeName"), "names");
    const char *tn = ast_string_value(json_array_get(names, json_array_size(names) - 1));
    if (!tn || strcmp(tn, "interval") != 0)
        return -1;
    if (ast_unwrap(json_object_get(f, "arg"), &af, NULL) != AST_A_Const)
        return -1;
    const char *s = json_string_value(json_object_get(json_object_get(af, "sval"), "sval"));
    if (!s)
        return -1;
    json_t *mods = json_object_get(json_object_get(f, "typeName"), "typmods"), *mf;
    if (!mods)
        return parse_interval(s, days, months);
    /* INTERVAL '7' DAY: one unit, as PostgreSQL's INTERVAL_MASK bit. */
    if (json_array_size(mods) != 1 ||
        ast_unwrap(json_array_get(mods, 0), &mf, NULL) != AST_A_Const)
        return -1;
    long mask = (long)json_integer_value(json_object_get(json_object_get(mf, "ival"), "ival"));
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        return -1;
    *days = 0;
    *months = 0;
    switch (mask) {
    case 1 << 2: *months = 12 * (long)v; return 0;      /* YEAR */
    case 1 << 1: *months = (long)v; return 0;           /* MONTH */
    case 1 << 3: *days = v; return 0;                   /* DAY */
    case 1 << 10: *days = v / 24; return 0;             /* HOUR */
    case 1 << 11: *days = v / 1440; return 0;           /* MINUTE */
    case 1 << 12: *days = v / 86400; return 0;          /* SECOND */
    default: return -1;
    }
}

static int eval_int(json_t *e, long *out)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Const)
        return -1;
    json_t *iv = json_object_get(f, "ival");
    if (!iv)
        return -1;
    *out = (long)json_integer_value(json_object_get(iv, "ival"));
    return 0;
}

static double add_months_frac(double d, long months)
{
    double whole = floor(d);
    return (double)dates_add_months((long)whole, months) + (d - whole);
}

static int eval_date(pf *p, json_t *e, double *out, int depth)
{
    json_t *f;
    const char *kind;
    if (depth > MAX_DEPTH)
        return -1;
    ast_kind k = ast_unwrap(e, &f, &kind);
    check_ctx *c = p->ctx;
    double now_ts = (double)c->now_days + (double)c->now_seconds / 86400.0;
    if (k == AST_A_Const) {
        const char *s = json_string_value(json_object_get(json_object_get(f, "sval"), "sval"));
        long d, secs;
        if (!s || dates_parse(s, &d, &secs) < 0)
            return -1;
        *out = (double)d + (double)secs / 86400.0;
        return 0;
    }
    if (k == AST_TypeCast) {
        json_t *names = json_object_get(json_object_get(f, "typeName"), "names");
        const char *tn = ast_string_value(json_array_get(names, json_array_size(names) - 1));
        if (!tn || (strcasecmp(tn, "date") && strcasecmp(tn, "timestamp") &&
                    strcasecmp(tn, "timestamp_ntz") && strcasecmp(tn, "timestamp_ltz") &&
                    strcasecmp(tn, "timestamptz")))
            return -1;
        if (eval_date(p, json_object_get(f, "arg"), out, depth + 1) < 0)
            return -1;
        if (strcasecmp(tn, "date") == 0)
            *out = floor(*out);
        return 0;
    }
    if (k == AST_SQLValueFunction) {
        const char *op = ast_str(f, "op");
        if (strcmp(op, "SVFOP_CURRENT_DATE") == 0) {
            *out = (double)c->now_days;
            return 0;
        }
        if (strcmp(op, "SVFOP_CURRENT_TIMESTAMP") == 0) {
            *out = now_ts;
            return 0;
        }
        return -1;
    }
    if (k == AST_FuncCall) {
        const char *fn = func_name(f);
        json_t *args = json_object_get(f, "args");
        size_t n = json_array_size(args);
        long v;
        if (!fn)
            return -1;
        if ((strcasecmp(fn, "now") == 0 || strcasecmp(fn, "current_timestamp") == 0) && n == 0) {
            *out = now_ts;
            return 0;
        }
        if (strcasecmp(fn, "current_date") == 0 && n == 0) {
            *out = (double)c->now_days;
            return 0;
        }
        if ((strcasecmp(fn, "to_date") == 0 || strcasecmp(fn, "date") == 0) && n == 1) {
            if (eval_date(p, json_array_get(args, 0), out, depth + 1) < 0)
                return -1;
            *out = floor(*out);
            return 0;
        }
        if (strcasecmp(fn, "to_date") == 0 && n == 2)
            return eval_formatted_date(json_array_get(args, 0), json_array_get(args, 1), out);
        if (strcasecmp(fn, "to_timestamp") == 0 && n == 1)
            return eval_date(p, json_array_get(args, 0), out, depth + 1);
        if ((strcasecmp(fn, "date_sub") == 0 || strcasecmp(fn, "date_add") == 0 ||
             strcasecmp(fn, "dateadd") == 0) && n == 2 &&
            eval_int(json_array_get(args, 1), &v) == 0 &&
            eval_date(p, json_array_get(args, 0), out, depth + 1) == 0) {
            *out = floor(*out) + (strcasecmp(fn, "date_sub") == 0 ? -v : v);
            return 0;
        }
        if (strcasecmp(fn, "add_months") == 0 && n == 2 &&
            eval_int(json_array_get(args, 1), &v) == 0 &&
            eval_date(p, json_array_get(args, 0), out, depth + 1) == 0) {
            *out = (double)dates_add_months((long)floor(*out), v);
            return 0;
        }
        if (strcasecmp(fn, "date_trunc") == 0 && n == 2) {
            json_t *uf;
            const char *unit = NULL;
            if (ast_unwrap(json_array_get(args, 0), &uf, NULL) == AST_A_Const)
                unit = json_string_value(json_object_get(json_object_get(uf, "sval"), "sval"));
            if (!unit || eval_date(p, json_array_get(args, 1), out, depth + 1) < 0)
                return -1;
            long day = (long)floor(*out), y;
            unsigned m, d;
            dates_to_civil(day, &y, &m, &d);
            if (strcasecmp(unit, "day") == 0 || strcasecmp(unit, "dd") == 0)
                *out = (double)day;
            else if (strcasecmp(unit, "week") == 0)
                *out = (double)(day - ((day + 3) % 7 + 7) % 7);   /* Monday */
            else if (strcasecmp(unit, "month") == 0 || strcasecmp(unit, "mm") == 0)
                *out = (double)dates_from_civil(y, m, 1);
            else if (strcasecmp(unit, "quarter") == 0)
                *out = (double)dates_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
            else if (strcasecmp(unit, "year") == 0 || strcasecmp(unit, "yyyy") == 0)
                *out = (double)dates_from_civil(y, 1, 1);
            else
                return -1;
            return 0;
        }
        return -1;
    }
    if (k == AST_A_Expr) {
        const char *op = ast_string_value(json_array_get(json_object_get(f, "name"), 0));
        if (strcmp(ast_str(f, "kind"), "AEXPR_OP") != 0 || !op ||
            (strcmp(op, "+") && strcmp(op, "-")) || !json_object_get(f, "lexpr"))
            return -1;
        int minus = op[0] == '-';
        json_t *l = json_object_get(f, "lexpr"), *r = json_object_get(f, "rexpr");
        double days;
        long months, v;
        if (eval_interval(r, &days, &months) == 0) {
            if (eval_date(p, l, out, depth + 1) < 0)
                return -1;
        } else if (!minus && eval_interval(l, &days, &months) == 0) {
            if (eval_date(p, r, out, depth + 1) < 0)
                return -1;
        } else if (eval_int(r, &v) == 0 && eval_date(p, l, out, depth + 1) == 0) {
            days = (double)v;       /* date +/- n days */
            months = 0;
        } else {
            return -1;
        }
        if (minus) {
            days = -days;
            months = -months;
        }
        *out = add_months_frac(*out, months) + days;
        return 0;
    }
    (void)kind;
    return -1;
}

/* ------------------------------------------------------------------ */
/* Which conjuncts reach an item, and what they say                    */

static int col_matches(const char *name, const char *const *cols)
{
    for (; *cols; cols++)
        if (strcasecmp(name, *cols) == 0)
            return 1;
    return 0;
}

/* Could the derived table o have an output column named col? */
static int derived_may_output(an_item *o, const char *col)
{
    json_t *sel = json_object_get(json_object_get(o->node, "subquery"), "SelectStmt");
    while (sel && json_object_get(sel, "larg"))
        sel = json_object_get(sel, "larg");
    json_t *alias_cols = json_object_get(json_object_get(o->node, "alias"), "colnames");
    size_t i;
    json_t *t, *tf;
    if (alias_cols) {
        json_array_foreach(alias_cols, i, t) {
            const char *n = ast_string_value(t);
            if (n && strcasecmp(n, col) == 0)
                return 1;
        }
        return 0;
    }
    json_array_foreach(json_object_get(sel, "targetList"), i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            return 1;
        json_t *vf;
        if (ast_unwrap(json_object_get(tf, "val"), &vf, NULL) == AST_ColumnRef) {
            json_t *fields = json_object_get(vf, "fields");
            if (ast_unwrap(json_array_get(fields, json_array_size(fields) - 1), NULL, NULL) == AST_A_Star)
                return 1;       /* SELECT *: could be anything */
        }
        const char *n = analysis_target_name(tf);
        if (n && strcasecmp(n, col) == 0)
            return 1;
    }
    return 0;
}

/* Is e a reference to item's column (one of cols)? */
static int is_item_column(json_t *e, an_item *item, const char *const *cols)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = json_object_get(f, "fields");
    size_t n = json_array_size(fields);
    const char *col = ast_string_value(json_array_get(fields, n - 1));
    if (!col || !col_matches(col, cols))
        return 0;
    if (n >= 2) {
        const char *qual = ast_string_value(json_array_get(fields, n - 2));
        return qual && item->alias && strcasecmp(qual, item->alias) == 0;
    }
    /* Unqualified.  The scanned table has this column, so if the query
     * runs at all the name is ours -- unless another item could also own
     * it (then Spark would call it ambiguous, and we do not guess). */
    an_block *blk = item->block;
    for (size_t i = 0; i < blk->nitems; i++) {
        an_item *o = blk->items[i];
        if (o == item || o->kind == AN_FUNCTION)
            continue;
        if (o->kind == AN_TABLE && item->qualified && o->qualified &&
            strcmp(o->qualified, item->qualified) == 0)
            return 0;
        if (o->kind == AN_SUBQUERY && derived_may_output(o, col))
            return 0;
        if (o->kind == AN_CTE_REF)
            return 0;
    }
    return 1;
}

/* Other items' columns that an equality can borrow a window from. */
static int column_of_other(json_t *e, an_item *self, an_item **item_out, const char **col_out)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_ColumnRef)
        return 0;
    json_t *fields = json_object_get(f, "fields");
    size_t n = json_array_size(fields);
    if (n < 2)
        return 0;
    const char *qual = ast_string_value(json_array_get(fields, n - 2));
    const char *col = ast_string_value(json_array_get(fields, n - 1));
    if (!qual || !col)
        return 0;
    an_block *blk = self->block;
    for (size_t i = 0; i < blk->nitems; i++) {
        an_item *o = blk->items[i];
        if (o != self && o->alias && strcasecmp(o->alias, qual) == 0) {
            *item_out = o;
            *col_out = col;
            return 1;
        }
    }
    return 0;
}

static bound item_bound(pf *p, an_item *item, const char *const *cols, int depth);

static int is_whole_day(double v)
{
    return v == floor(v);
}

static bound cmp_bound(const char *op, double v, int column_on_left)
{
    bound b = FULL;
    if (!column_on_left) {   /* const OP col: mirror the operator */
        if (strcmp(op, "<") == 0) op = ">";
        else if (strcmp(op, ">") == 0) op = "<";
        else if (strcmp(op, "<=") == 0) op = ">=";
        else if (strcmp(op, ">=") == 0) op = "<=";
    }
    if (strcmp(op, ">=") == 0 || strcmp(op, ">") == 0) {
        b.has_lo = 1;
        b.lo = v;
    } else if (strcmp(op, "<") == 0) {
        b.has_hi = 1;
        b.hi = v;
    } else if (strcmp(op, "<=") == 0) {
        b.has_hi = 1;
        b.hi = is_whole_day(v) ? v + 1 : v;
    } else if (strcmp(op, "=") == 0) {
        b.has_lo = b.has_hi = 1;
        b.lo = v;
        b.hi = is_whole_day(v) ? v + 1 : v;
    }
    return b;
}

/* What conjunct e says about item's cols. */
static bound conj_bound(pf *p, json_t *e, an_item *item, const char *const *cols, int depth)
{
    json_t *f;
    ast_kind k = ast_unwrap(e, &f, NULL);
    if (depth > MAX_DEPTH)
        return FULL;
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        json_t *args = json_object_get(f, "args");
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
    const char *op = ast_string_value(json_array_get(json_object_get(f, "name"), 0));
    json_t *l = json_object_get(f, "lexpr"), *r = json_object_get(f, "rexpr");
    double v, w;
    if (strcmp(kind, "AEXPR_OP") == 0 && op && l) {
        if (is_item_column(l, item, cols) && eval_date(p, r, &v, 0) == 0)
            return cmp_bound(op, v, 1);
        if (is_item_column(r, item, cols) && eval_date(p, l, &v, 0) == 0)
            return cmp_bound(op, v, 0);
        /* col = other.col: borrow the other side's window. */
        an_item *other;
        const char *ocol;
        if (strcmp(op, "=") == 0) {
            if (is_item_column(l, item, cols) && column_of_other(r, item, &other, &ocol)) {
                const char *oc[] = {ocol, NULL};
                return item_bound(p, other, oc, depth + 1);
            }
            if (is_item_column(r, item, cols) && column_of_other(l, item, &other, &ocol)) {
                const char *oc[] = {ocol, NULL};
                return item_bound(p, other, oc, depth + 1);
            }
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_BETWEEN") == 0 && is_item_column(l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? json_object_get(lf, "items") : r;
        if (eval_date(p, json_array_get(items, 0), &v, 0) == 0 &&
            eval_date(p, json_array_get(items, 1), &w, 0) == 0) {
            bound b = {1, 1, v, is_whole_day(w) ? w + 1 : w};
            return b;
        }
        return FULL;
    }
    if (strcmp(kind, "AEXPR_IN") == 0 && op && strcmp(op, "=") == 0 && is_item_column(l, item, cols)) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? json_object_get(lf, "items") : r;
        bound b = {1, 1, 0, 0};
        size_t i;
        json_t *a;
        json_array_foreach(items, i, a) {
            if (eval_date(p, a, &v, 0) < 0)
                return FULL;
            double hi = is_whole_day(v) ? v + 1 : v;
            if (i == 0 || v < b.lo) b.lo = v;
            if (i == 0 || hi > b.hi) b.hi = hi;
        }
        return json_array_size(items) ? b : FULL;
    }
    return FULL;
}

/* Conjuncts of the item's block that reach it: WHERE, and the ON of
 * each join above it that restricts its side. */
static bound local_bound(pf *p, an_item *item, const char *const *cols, int depth)
{
    bound b = conj_bound(p, json_object_get(item->block->select, "whereClause"), item, cols, depth);
    for (int s = 0; s < item->npath; s++) {
        json_t *j = item->path[s].join;
        const char *jt = ast_str(j, "jointype");
        int side = item->path[s].side;
        int reaches = strcmp(jt, "JOIN_INNER") == 0 ||
                      (strcmp(jt, "JOIN_LEFT") == 0 && side == 1) ||
                      (strcmp(jt, "JOIN_RIGHT") == 0 && side == 0);
        if (reaches)
            b = intersect(b, conj_bound(p, json_object_get(j, "quals"), item, cols, depth));
    }
    return b;
}

/* The output name under which item.col leaves its block, or NULL when
 * a filter on it cannot be pushed into the block. */
static const char *passes_through(an_item *item, const char *const *cols)
{
    an_block *blk = item->block;
    json_t *sel = blk->select;
    if (json_object_get(sel, "limitCount") || json_object_get(sel, "limitOffset"))
        return NULL;
    json_t *targets = json_object_get(sel, "targetList");
    json_t *group = json_object_get(sel, "groupClause");
    size_t i;
    json_t *t, *tf;
    /* A window function partitioned by something else blocks pushdown. */
    json_array_foreach(targets, i, t) {
        json_t *vf;
        if (ast_unwrap(t, &tf, NULL) == AST_ResTarget &&
            ast_unwrap(json_object_get(tf, "val"), &vf, NULL) == AST_FuncCall &&
            json_object_get(vf, "over")) {
            json_t *part = json_object_get(json_object_get(vf, "over"), "partitionClause");
            int ok = 0;
            size_t k;
            json_t *pe;
            json_array_foreach(part, k, pe)
                ok |= is_item_column(pe, item, cols);
            if (!ok)
                return NULL;
        }
    }
    if (group) {
        int grouped = 0;
        json_t *g;
        json_array_foreach(group, i, g)
            grouped |= is_item_column(g, item, cols);
        if (!grouped)
            return NULL;
    }
    json_array_foreach(targets, i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget)
            continue;
        json_t *val = json_object_get(tf, "val"), *vf;
        if (is_item_column(val, item, cols)) {
            /* Set-operation branches are named by the leftmost branch. */
            json_t *first = json_array_get(blk->first_branch, i), *ff;
            if (first && ast_unwrap(first, &ff, NULL) == AST_ResTarget)
                return analysis_target_name(ff);
            return analysis_target_name(tf);
        }
        if (ast_unwrap(val, &vf, NULL) == AST_ColumnRef) {
            json_t *fields = json_object_get(vf, "fields");
            json_t *last = json_array_get(fields, json_array_size(fields) - 1);
            if (ast_unwrap(last, NULL, NULL) == AST_A_Star) {
                /* SELECT * / alias.*: every column passes under its name. */
                if (json_array_size(fields) == 1 ||
                    (item->alias && strcasecmp(ast_string_value(json_array_get(fields, 0)) ?
                                               ast_string_value(json_array_get(fields, 0)) : "",
                                               item->alias) == 0))
                    return cols[0];
            }
        }
    }
    return NULL;
}

/* The window that reaches item's column from everywhere it can. */
static bound item_bound(pf *p, an_item *item, const char *const *cols, int depth)
{
    if (depth > MAX_DEPTH)
        return FULL;
    bound b = local_bound(p, item, cols, depth + 1);
    an_block *blk = item->block;
    if (blk->in_expression)
        return b;
    const char *out = (blk->derived || blk->cte) ? passes_through(item, cols) : NULL;
    if (!out)
        return b;
    const char *oc[] = {out, NULL};
    if (blk->derived)
        return intersect(b, item_bound(p, blk->derived, oc, depth + 1));
    /* A CTE is scanned once per reference: the widest of their windows. */
    an_cte *cte = blk->cte;
    bound via = FULL;
    for (size_t i = 0; i < cte->nrefs; i++) {
        bound x = item_bound(p, cte->refs[i], oc, depth + 1);
        via = i == 0 ? x : hull(via, x);
    }
    return cte->nrefs ? intersect(b, via) : b;
}

/* ------------------------------------------------------------------ */
/* Enforcement                                                         */

static json_t *str_node(const char *s)
{
    return json_pack("{s:{s:s}}", "String", "sval", s);
}

/* alias.col >= current_date() - INTERVAL 'n DAYS', as the parser builds it. */
static json_t *window_predicate(const an_item *item, const char *col, long days)
{
    char iv[32];
    snprintf(iv, sizeof iv, "%ld DAYS", days);
    json_t *colref = json_pack("{s:{s:[o,o],s:i}}", "ColumnRef", "fields",
                               str_node(item->alias), str_node(col), "location", -1);
    json_t *today = json_pack("{s:{s:s,s:i,s:i}}", "SQLValueFunction", "op",
                              "SVFOP_CURRENT_DATE", "typmod", -1, "location", -1);
    json_t *konst = json_pack("{s:{s:{s:s},s:i}}", "A_Const", "sval", "sval", iv,
                              "location", -1);
    json_t *type = json_pack("{s:[o,o],s:i,s:i}", "names", str_node("pg_catalog"),
                             str_node("interval"), "typemod", -1, "location", -1);
    json_t *interval = json_pack("{s:{s:o,s:o,s:i}}", "TypeCast", "arg", konst,
                                 "typeName", type, "location", -1);
    json_t *minus = json_pack("{s:{s:s,s:[o],s:o,s:o,s:i}}", "A_Expr", "kind", "AEXPR_OP",
                              "name", str_node("-"), "lexpr", today, "rexpr", interval,
                              "location", -1);
    return json_pack("{s:{s:s,s:[o],s:o,s:o,s:i}}", "A_Expr", "kind", "AEXPR_OP", "name",
                     str_node(">="), "lexpr", colref, "rexpr", minus, "location", -1);
}

/* AND pred into the condition held in holder[key] (steals pred). */
static void and_into(json_t *holder, const char *key, json_t *pred)
{
    json_t *old = json_object_get(holder, key), *of;
    if (!old) {
        json_object_set_new(holder, key, pred);
    } else if (ast_unwrap(old, &of, NULL) == AST_BoolExpr &&
               strcmp(ast_str(of, "boolop"), "AND_EXPR") == 0) {
        json_array_append_new(json_object_get(of, "args"), pred);   /* as the parser flattens */
    } else {
        json_t *and = json_pack("{s:{s:s,s:[O,o],s:i}}", "BoolExpr", "boolop", "AND_EXPR",
                                "args", old, pred, "location", -1);
        json_object_set_new(holder, key, and);
    }
}

static void inject(an_item *item, const rules_table *t)
{
    json_t *pred = window_predicate(item, t->column, t->default_days);
    /* On the null-supplying side of an outer join the filter belongs in
     * that join's ON, where it cannot turn the join into an inner one. */
    for (int s = item->npath; s-- > 0;) {
        const char *jt = ast_str(item->path[s].join, "jointype");
        int side = item->path[s].side;
        if ((strcmp(jt, "JOIN_LEFT") == 0 && side == 1) ||
            (strcmp(jt, "JOIN_RIGHT") == 0 && side == 0) || strcmp(jt, "JOIN_FULL") == 0) {
            and_into(item->path[s].join, "quals", pred);
            return;
        }
    }
    and_into(item->block->select, "whereClause", pred);
}

/* Days a window spans, or -1 when it has no lower bound. */
static double window_days(bound b, long now_days)
{
    if (!b.has_lo)
        return -1;
    double hi = b.has_hi ? b.hi : (double)now_days;
    return ceil(hi - b.lo - 1e-9);
}

static void check_scan(pf *p, an_item *item, const rules_table *t, bound b)
{
    check_ctx *c = p->ctx;
    char problem[256];
    double days = window_days(b, c->now_days);
    if (days < 0) {
        snprintf(problem, sizeof problem, "%s is scanned without a lower bound on its "
                 "partition column %s", item->qualified, t->column);
    } else {
        if (t->max_days == 0 || days <= (double)t->max_days)
            return;
        snprintf(problem, sizeof problem, "the filter on %s.%s spans %.0f days; the maximum "
                 "is %ld days", item->qualified, t->column, days, t->max_days);
    }
    switch (t->enforce) {
    case RULES_ENFORCE_REWRITE:
        inject(item, t);
        c->modified = 1;
        check_report(c, "partition-filter", SL_SEVERITY_INFO, item->location,
                     "%s; added %s.%s >= current_date() - INTERVAL %ld DAYS", problem,
                     item->alias, t->column, t->default_days);
        break;
    case RULES_ENFORCE_REJECT:
        c->rejected = 1;
        check_report(c, "partition-filter", SL_SEVERITY_ERROR, item->location,
                     "%s; add a filter such as WHERE %s >= current_date() - INTERVAL %ld DAYS",
                     problem, t->column, t->default_days);
        break;
    case RULES_ENFORCE_WARN:
        check_report(c, "partition-filter", SL_SEVERITY_WARNING, item->location, "%s", problem);
        break;
    }
}

void check_partition_filter(check_ctx *ctx)
{
    if (ctx->rules->ntables == 0 || check_is_suppressed(ctx, "partition-filter"))
        return;
    pf p = {ctx, {0}};
    analysis_build(&p.an, ctx->stmt->node, ctx->catalog, ctx->schema);
    /* Every window is measured on the original tree before any filter is
     * injected: an injected filter in one block must not make another
     * scan look bounded. */
    const rules_table **tables = calloc(p.an.nitems ? p.an.nitems : 1, sizeof *tables);
    bound *bounds = calloc(p.an.nitems ? p.an.nitems : 1, sizeof *bounds);
    for (size_t i = 0; i < p.an.nitems; i++) {
        an_item *it = p.an.items[i];
        if (it->kind != AN_TABLE)
            continue;
        /* Scans inside CTEs nobody references are never run. */
        if (it->block->cte && it->block->cte->nrefs == 0)
            continue;
        const rules_table *t = rules_find_table(ctx->rules, it->qualified);
        if (!t || !t->partitioned)
            continue;
        const char *cols[] = {t->column, t->derived_from, NULL};
        tables[i] = t;
        bounds[i] = item_bound(&p, it, cols, 0);
    }
    for (size_t i = 0; i < p.an.nitems; i++)
        if (tables[i])
            check_scan(&p, p.an.items[i], tables[i], bounds[i]);
    free(bounds);
    free(tables);
    analysis_free(&p.an);
}
