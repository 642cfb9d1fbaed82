/*
 * analyze_norm.c - when two expressions are the same expression to
 * Spark although written differently: the one comparison of expressions
 * up to spelling (an_norm_equal), and what it needs to read: the
 * truncation level a date_trunc / trunc unit names (an_trunc_level,
 * an_trunc_call) and whether a COUNT counts rows (an_counts_rows).
 *
 * Each equivalence below is one Spark itself makes, before or while it
 * evaluates; an expression that is not provably one of these is compared
 * as written (ast_equal_with), so a difference sluice cannot explain is
 * a difference:
 *
 *   - function names in any case (FunctionRegistry looks them up
 *     case-insensitively);
 *   - the unit of date_trunc(unit, x) and trunc(x, unit) by the level it
 *     names: 'MONTH', 'month', 'MON' and 'MM' are one level
 *     (DateTimeUtils.parseTruncLevel upper-cases the unit and reads the
 *     synonyms DD, MON, MM, YYYY, YY);
 *   - count(1), count('x'), any COUNT of one non-NULL literal, is
 *     count(*): Spark's analyzer itself replaces count(*) by count(1)
 *     (ResolveFunctions / ExpandStar), and COUNT counts the rows where its
 *     argument is not NULL, which is every row for such a literal;
 *   - the two operands of one + or * in either order: both Add and
 *     Multiply are commutative in value, type and error for every type
 *     pair Spark accepts (numeric widening and DecimalPrecision's result
 *     type are symmetric; BinaryArithmeticWithDatetimeResolver maps
 *     interval + date and date + interval, n * interval and interval * n
 *     onto the same expression; IEEE addition and multiplication are
 *     commutative; an ANSI overflow happens in both orders), and Spark's
 *     Add.canonicalized / Multiply.canonicalized reorder them for
 *     semanticEquals.  Only one operator's two operands are swapped: a
 *     chain (a + b) + c is not reassociated, which could change a decimal
 *     result type (SPARK-40903);
 *   - a comparison with its operands swapped and the operator mirrored
 *     (a = b is b = a, a < b is b > a): BinaryComparison coerces its two
 *     sides alike;
 *   - x IN (v) is x = v (the optimizer's OptimizeIn rewrites a one-value
 *     IN to EqualTo) when x is a column whose declared type is of the
 *     class of the literal v: the rewrite follows type coercion, and
 *     InConversion and the comparison coerce differently across classes
 *     (1 IN ('01') compares strings, 1 = '01' numbers);
 *   - interval literals by value and type (an_interval_key):
 *     INTERVAL 1 DAY, INTERVAL '1' DAY, INTERVAL '1 day', INTERVAL 1 DAYS.
 *
 * Column references are compared by the caller (an_norm.column): which
 * item a name binds to is the caller's question.
 */
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "analyze_range.h"
#include "ast.h"

/* DateTimeUtils.parseTruncLevel's table: the unit, upper-cased, names a
 * level; anything else is TRUNC_INVALID (NULL at run time). */
int an_trunc_level(const char *unit)
{
    static const struct { const char *unit; int level; } units[] = {
        {"microsecond", AN_TRUNC_MICROSECOND}, {"millisecond", AN_TRUNC_MILLISECOND},
        {"second", AN_TRUNC_SECOND}, {"minute", AN_TRUNC_MINUTE}, {"hour", AN_TRUNC_HOUR},
        {"day", AN_TRUNC_DAY}, {"dd", AN_TRUNC_DAY}, {"week", AN_TRUNC_WEEK},
        {"mon", AN_TRUNC_MONTH}, {"month", AN_TRUNC_MONTH}, {"mm", AN_TRUNC_MONTH},
        {"quarter", AN_TRUNC_QUARTER}, {"year", AN_TRUNC_YEAR}, {"yyyy", AN_TRUNC_YEAR},
        {"yy", AN_TRUNC_YEAR}};
    for (size_t i = 0; unit && i < sizeof units / sizeof *units; i++)
        if (strcasecmp(unit, units[i].unit) == 0)
            return units[i].level;
    return AN_TRUNC_INVALID;
}

static const char *const_sval(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Const)
        return NULL;
    return json_string_value(ast_get(ast_get(f, "sval"), "sval"));
}

int an_trunc_call(json_t *e, int *level, json_t **arg)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_FuncCall || json_array_size(ast_get(f, "funcname")) != 1 ||
        ast_get(f, "over") || ast_get(f, "agg_star") || ast_get(f, "agg_distinct"))
        return AN_TRUNC_NONE;
    const char *fn = an_func_name(f);
    json_t *args = ast_get(f, "args");
    if (!fn || json_array_size(args) != 2)
        return AN_TRUNC_NONE;
    int kind;
    json_t *unit, *x;
    if (strcasecmp(fn, "date_trunc") == 0) {
        kind = AN_TRUNC_DATE_TRUNC;
        unit = json_array_get(args, 0);
        x = json_array_get(args, 1);
    } else if (strcasecmp(fn, "trunc") == 0) {
        kind = AN_TRUNC_TRUNC;
        x = json_array_get(args, 0);
        unit = json_array_get(args, 1);
    } else {
        return AN_TRUNC_NONE;
    }
    int lv = an_trunc_level(const_sval(unit));
    if (lv == AN_TRUNC_INVALID)
        return AN_TRUNC_NONE;
    /* TruncDate (trunc) truncates to a week or coarser only; a finer
     * level gives NULL. */
    if (kind == AN_TRUNC_TRUNC && lv < AN_TRUNC_WEEK)
        return AN_TRUNC_NONE;
    if (level)
        *level = lv;
    if (arg)
        *arg = x;
    return kind;
}

/* A literal that is not NULL. */
static int nonnull_literal(json_t *e)
{
    json_t *f;
    return ast_unwrap(e, &f, NULL) == AST_A_Const && !json_is_true(ast_get(f, "isnull")) &&
           (ast_get(f, "ival") || ast_get(f, "fval") || ast_get(f, "sval") ||
            ast_get(f, "boolval"));
}

int an_counts_rows(json_t *f)
{
    const char *fn = an_func_name(f);
    if (!fn || strcasecmp(fn, "count") != 0 || json_array_size(ast_get(f, "funcname")) != 1 ||
        ast_get(f, "agg_filter") || ast_get(f, "agg_order") || ast_get(f, "over") ||
        ast_get(f, "agg_within_group") || json_is_true(ast_get(f, "agg_distinct")))
        return 0;
    json_t *args = ast_get(f, "args");
    if (json_is_true(ast_get(f, "agg_star")))
        return json_array_size(args) == 0;
    return json_array_size(args) == 1 && nonnull_literal(json_array_get(args, 0));
}

/* ---- the comparison ------------------------------------------------- */

static int eq(const an_norm *n, json_t *a, json_t *b);

static const char *op_name(json_t *f)
{
    return ast_string_value(json_array_get(ast_get(f, "name"), 0));
}

/* The class of a literal (AN_CLASS_*), AN_CLASS_UNKNOWN if it is none. */
static int literal_class(json_t *e)
{
    json_t *f;
    if (ast_unwrap(e, &f, NULL) != AST_A_Const || json_is_true(ast_get(f, "isnull")))
        return AN_CLASS_UNKNOWN;
    if (ast_get(f, "sval"))
        return AN_CLASS_STRING;
    if (ast_get(f, "ival") || ast_get(f, "fval"))
        return AN_CLASS_NUMERIC;
    return AN_CLASS_UNKNOWN;
}

/* x IN (v) against x = v (in that order or the other). */
static int in_one_is_equality(const an_norm *n, json_t *inf, json_t *eqf, int in_first)
{
    json_t *lf, *items = NULL;
    if (ast_unwrap(ast_get(inf, "rexpr"), &lf, NULL) == AST_List)
        items = ast_get(lf, "items");
    const char *iop = op_name(inf), *eop = op_name(eqf);
    if (json_array_size(items) != 1 || !iop || strcmp(iop, "=") != 0 || !eop ||
        strcmp(eop, "=") != 0)
        return 0;
    json_t *x = ast_get(inf, "lexpr"), *v = json_array_get(items, 0), *cf;
    if (ast_unwrap(x, &cf, NULL) != AST_ColumnRef || !n->type_class ||
        literal_class(v) == AN_CLASS_UNKNOWN || n->type_class(cf, n->ctx) != literal_class(v))
        return 0;
    json_t *el = ast_get(eqf, "lexpr"), *er = ast_get(eqf, "rexpr");
    if (in_first)
        return (eq(n, x, el) && eq(n, v, er)) || (eq(n, v, el) && eq(n, x, er));
    return (eq(n, el, x) && eq(n, er, v)) || (eq(n, el, v) && eq(n, er, x));
}

/* Comparison operators and their mirror images. */
static const char *mirror_of(const char *op)
{
    static const struct { const char *op, *mirror; } ops[] = {
        {"=", "="}, {"==", "=="}, {"<=>", "<=>"}, {"<>", "<>"}, {"!=", "!="},
        {"<", ">"}, {">", "<"}, {"<=", ">="}, {">=", "<="}};
    for (size_t i = 0; op && i < sizeof ops / sizeof *ops; i++)
        if (strcmp(op, ops[i].op) == 0)
            return ops[i].mirror;
    return NULL;
}

static int binary_op(const an_norm *n, json_t *af, json_t *bf)
{
    const char *oa = op_name(af), *ob = op_name(bf);
    json_t *al = ast_get(af, "lexpr"), *ar = ast_get(af, "rexpr");
    json_t *bl = ast_get(bf, "lexpr"), *br = ast_get(bf, "rexpr");
    if (!oa || !ob || !al || !ar || !bl || !br || json_array_size(ast_get(af, "name")) != 1 ||
        json_array_size(ast_get(bf, "name")) != 1)
        return -1;
    int commutes = strcmp(oa, "+") == 0 || strcmp(oa, "*") == 0;
    const char *mirror = commutes ? oa : mirror_of(oa);
    if (!mirror)
        return -1;          /* compared as written */
    if (strcmp(oa, ob) == 0 && eq(n, al, bl) && eq(n, ar, br))
        return 1;
    return strcmp(mirror, ob) == 0 && eq(n, al, br) && eq(n, ar, bl);
}

static int func_call(const an_norm *n, json_t *a, json_t *af, json_t *b, json_t *bf)
{
    const char *na = an_func_name(af), *nb = an_func_name(bf);
    if (!na || !nb || strcasecmp(na, nb) != 0 ||
        json_array_size(ast_get(af, "funcname")) != json_array_size(ast_get(bf, "funcname")))
        return 0;
    if (an_counts_rows(af) && an_counts_rows(bf))
        return 1;
    int la, lb;
    json_t *xa, *xb;
    int ka = an_trunc_call(a, &la, &xa), kb = an_trunc_call(b, &lb, &xb);
    if (ka != AN_TRUNC_NONE && ka == kb)
        return la == lb && eq(n, xa, xb);
    static const char *const fields[] = {"args", "agg_star", "agg_distinct", "agg_filter",
                                         "agg_order", "agg_within_group", "over",
                                         "func_variadic", NULL};
    for (int i = 0; fields[i]; i++) {
        json_t *x = ast_get(af, fields[i]), *y = ast_get(bf, fields[i]);
        if ((x == NULL) != (y == NULL) || (x && !eq(n, x, y)))
            return 0;
    }
    return 1;
}

/* The hook of ast_equal_with(): 1 equal, 0 not, -1 compare the fields
 * as written (with this hook below). */
static int norm_node(json_t *a, json_t *b, void *ctx)
{
    const an_norm *n = ctx;
    json_t *af, *bf;
    ast_kind ka = ast_unwrap(a, &af, NULL), kb = ast_unwrap(b, &bf, NULL);
    if (ka == AST_A_Expr && kb == AST_A_Expr) {
        const char *ea = ast_str(af, "kind"), *eb = ast_str(bf, "kind");
        if (strcmp(ea, "AEXPR_IN") == 0 && strcmp(eb, "AEXPR_OP") == 0)
            return in_one_is_equality(n, af, bf, 1);
        if (strcmp(ea, "AEXPR_OP") == 0 && strcmp(eb, "AEXPR_IN") == 0)
            return in_one_is_equality(n, bf, af, 0);
        if (strcmp(ea, "AEXPR_OP") == 0 && strcmp(eb, "AEXPR_OP") == 0)
            return binary_op(n, af, bf);
        return -1;
    }
    if (ka != kb)
        return ka == AST_UNKNOWN ? -1 : 0;
    if (ka == AST_ColumnRef)
        return n->column ? n->column(af, bf, n->ctx) : -1;
    if (ka == AST_FuncCall)
        return func_call(n, a, af, b, bf);
    an_interval ia, ib;
    if (ka == AST_TypeCast && an_interval_key(a, &ia) == 0 && an_interval_key(b, &ib) == 0)
        return ia.months == ib.months && ia.us == ib.us && ia.first == ib.first &&
               ia.last == ib.last;
    return -1;
}

static int eq(const an_norm *n, json_t *a, json_t *b)
{
    return a && b && ast_equal_with(a, b, norm_node, (void *)n);
}

int an_norm_equal(const an_norm *n, json_t *a, json_t *b)
{
    return eq(n, a, b);
}

/* ---- implication ---------------------------------------------------- */

/* Does e read the clock (current_date(), now(), CURRENT_TIMESTAMP)? */
static ast_walk_rc note_clock(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    (void)node;
    if (k == AST_SQLValueFunction ||
        (k == AST_FuncCall && an_is_time_function_name(an_func_name(f)))) {
        *(int *)w->ctx = 1;
        return AST_WALK_ABORT;
    }
    return AST_WALK_CONTINUE;
}

static int reads_clock(json_t *e)
{
    int found = 0;
    ast_walker w = {.fn = note_clock, .ctx = &found, .max_depth = AN_MAX_DEPTH};
    if (ast_walk(&w, e) != 0)
        return 1;       /* too deep to tell: as if it did */
    return found;
}

/* The items of x IN (...) (eq "="), or of x = v as a list of one; with
 * eq "<>", of x NOT IN (...) or x <> v (x != v).  *x the column side.
 * NULL for anything else. */
static json_t *in_items(json_t *e, const char *eq, json_t **x, json_t **one)
{
    json_t *f, *lf;
    if (ast_unwrap(e, &f, NULL) != AST_A_Expr)
        return NULL;
    const char *kind = ast_str(f, "kind"), *op = op_name(f);
    if (!op || strcmp(op, eq) != 0 || json_array_size(ast_get(f, "name")) != 1)
        return NULL;
    *x = ast_get(f, "lexpr");
    if (strcmp(kind, "AEXPR_IN") == 0)
        return ast_unwrap(ast_get(f, "rexpr"), &lf, NULL) == AST_List ? ast_get(lf, "items")
                                                                    : NULL;
    if (strcmp(kind, "AEXPR_OP") != 0 || !ast_get(f, "rexpr"))
        return NULL;
    *one = json_array();
    json_array_append(*one, ast_get(f, "rexpr"));
    return *one;
}

/* The two lists of in_subset and outside_all: q is x IN (w...) or x = w,
 * a is x <aop> (v...) with aop "=" (IN, =) or "<>" (NOT IN, <>), both
 * lists non-empty, over the same column x, whose declared type is of the
 * STRING or numeric class (type_class).  The class, or AN_CLASS_UNKNOWN
 * when any of that fails; in_lists_close frees the lists in both cases. */
typedef struct {
    json_t *qi, *ai, *qone, *aone;
} in_lists;

static int in_lists_open(const an_norm *n, json_t *q, json_t *a, const char *aop,
                         in_lists *l)
{
    json_t *qx = NULL, *ax = NULL, *cf;
    *l = (in_lists){0};
    l->qi = in_items(q, "=", &qx, &l->qone);
    l->ai = in_items(a, aop, &ax, &l->aone);
    if (!l->qi || !l->ai || json_array_size(l->qi) == 0 || json_array_size(l->ai) == 0 ||
        ast_unwrap(ax, &cf, NULL) != AST_ColumnRef || !n->type_class || !eq(n, qx, ax))
        return AN_CLASS_UNKNOWN;
    int cls = n->type_class(cf, n->ctx);
    return cls == AN_CLASS_STRING || cls == AN_CLASS_NUMERIC ? cls : AN_CLASS_UNKNOWN;
}

static void in_lists_close(in_lists *l)
{
    json_decref(l->qone);
    json_decref(l->aone);
}

/* q: x IN (w...) or x = w; a: x IN (v...) or x = v; every w among the v.
 * Every value a literal of the class of x's declared type, so that IN
 * and = coerce alike (see in_one_is_equality). */
static int in_subset(const an_norm *n, json_t *q, json_t *a)
{
    in_lists l;
    int cls = in_lists_open(n, q, a, "=", &l);
    int ok = cls != AN_CLASS_UNKNOWN;
    for (size_t i = 0; ok && i < json_array_size(l.ai); i++)
        ok = literal_class(json_array_get(l.ai, i)) == cls;
    for (size_t i = 0; ok && i < json_array_size(l.qi); i++) {
        json_t *w = json_array_get(l.qi, i);
        int found = 0;
        for (size_t k = 0; !found && literal_class(w) == cls && k < json_array_size(l.ai); k++)
            found = eq(n, w, json_array_get(l.ai, k));
        ok = found;
    }
    in_lists_close(&l);
    return ok;
}

/* Are w and v, literals of class cls, two different values?  Strings:
 * different bytes (Spark's default collation, UTF8_BINARY, compares
 * bytes; a column declared with another COLLATE is of no class, see
 * column_class in rewrite/aggregate_routing.c).  Numbers: two integer literals that differ (1 and 1.0 are
 * one value; decimals and floats are not compared).  Else: unknown, 0. */
static int literals_differ(json_t *w, json_t *v, int cls)
{
    json_t *wf, *vf;
    if (literal_class(w) != cls || literal_class(v) != cls)
        return 0;
    ast_unwrap(w, &wf, NULL);
    ast_unwrap(v, &vf, NULL);
    if (cls == AN_CLASS_STRING) {
        const char *a = json_string_value(ast_get(ast_get(wf, "sval"), "sval"));
        const char *b = json_string_value(ast_get(ast_get(vf, "sval"), "sval"));
        return a && b && strcmp(a, b) != 0;
    }
    json_t *a = ast_get(wf, "ival"), *b = ast_get(vf, "ival");
    if (!json_is_object(a) || !json_is_object(b))
        return 0;   /* a float or a decimal literal (fval) */
    /* libpg_query leaves out a zero: {"ival": {}} */
    return json_integer_value(ast_get(a, "ival")) != json_integer_value(ast_get(b, "ival"));
}

/* q: x IN (w...) or x = w; a: x NOT IN (v...) or x <> v; every w differs
 * from every v (literals_differ), so every row q keeps (x one of the w,
 * never NULL) a keeps.  The values are literals of the class of x's
 * declared type, STRING or numeric, as for in_subset. */
static int outside_all(const an_norm *n, json_t *q, json_t *a)
{
    in_lists l;
    int cls = in_lists_open(n, q, a, "<>", &l);
    int ok = cls != AN_CLASS_UNKNOWN;
    for (size_t i = 0; ok && i < json_array_size(l.qi); i++)
        for (size_t k = 0; ok && k < json_array_size(l.ai); k++)
            ok = literals_differ(json_array_get(l.qi, i), json_array_get(l.ai, k), cls);
    in_lists_close(&l);
    return ok;
}

/* q rejects every row where x is NULL: a comparison (not <=>), IN, NOT
 * IN, BETWEEN or LIKE with x as its first operand or, for a binary
 * comparison, either one (NULL compared is NULL, and WHERE keeps only
 * TRUE). */
static int rejects_null(const an_norm *n, json_t *q, json_t *x)
{
    json_t *f;
    if (ast_unwrap(q, &f, NULL) != AST_A_Expr)
        return 0;
    const char *kind = ast_str(f, "kind"), *op = op_name(f);
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    if (!l || !r || json_array_size(ast_get(f, "name")) != 1)
        return 0;
    if (strcmp(kind, "AEXPR_OP") == 0)
        return op && mirror_of(op) && strcmp(op, "<=>") != 0 && (eq(n, l, x) || eq(n, r, x));
    static const char *const kinds[] = {"AEXPR_IN", "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN",
                                        "AEXPR_LIKE", "AEXPR_ILIKE", NULL};
    for (int i = 0; kinds[i]; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return eq(n, l, x);
    return 0;
}

/* The window of values `x op v` (or BETWEEN) allows the column x, for a
 * conjunct of the query (q: every value it lets through lies inside;
 * analyze_range.c reads a string both ways and keeps the wider) or of
 * the aggregate (exact: v a literal read as the column's declared type
 * reads it, a DATE or TIMESTAMP_NTZ).  Returns 0, or -1. */
static int conjunct_window(const an_norm *n, json_t *e, json_t *x, int exact, an_bound *out)
{
    json_t *f, *lf;
    if (ast_unwrap(e, &f, NULL) != AST_A_Expr || !n->clock)
        return -1;
    const char *kind = ast_str(f, "kind"), *op = op_name(f);
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr"), *vals[2] = {NULL, NULL};
    const char *ops[2] = {NULL, NULL};
    int left = 1;
    if (!l || !r || !op)
        return -1;
    if (strcmp(kind, "AEXPR_OP") == 0 && eq(n, l, x)) {
        vals[0] = r;
        ops[0] = op;
    } else if (strcmp(kind, "AEXPR_OP") == 0 && eq(n, r, x)) {
        vals[0] = l;
        ops[0] = op;
        left = 0;
    } else if (strcmp(kind, "AEXPR_BETWEEN") == 0 && eq(n, l, x) &&
               ast_unwrap(r, &lf, NULL) == AST_List &&
               json_array_size(ast_get(lf, "items")) == 2) {
        vals[0] = json_array_get(ast_get(lf, "items"), 0);
        vals[1] = json_array_get(ast_get(lf, "items"), 1);
        ops[0] = ">=";
        ops[1] = "<=";
    } else {
        return -1;
    }
    an_bound w = {0, 0, 0, 0};
    for (int i = 0; i < 2 && vals[i]; i++) {
        an_bound b;
        an_time t;
        if (reads_clock(vals[i]) || an_comparison_bound(n->clock, ops[i], vals[i], left, &b) < 0)
            return -1;
        if (exact) {
            json_t *cf;
            int cls = ast_unwrap(x, &cf, NULL) == AST_ColumnRef && n->type_class
                      ? n->type_class(cf, n->ctx) : AN_CLASS_UNKNOWN;
            if ((cls != AN_CLASS_DATE && cls != AN_CLASS_TIMESTAMP_NTZ) ||
                an_eval_date(n->clock, vals[i], &t) < 0)
                return -1;
            /* A string is cast to the column's type (PromoteStrings). */
            long long v = t.type == AN_TIME_STRING && cls == AN_CLASS_DATE ? t.date_us : t.us;
            const char *o = left ? ops[i] : mirror_of(ops[i]);
            b.has_lo = b.has_hi = 0;
            if (!o)
                return -1;
            if (strcmp(o, ">=") == 0 || strcmp(o, ">") == 0 || strcmp(o, "=") == 0) {
                b.has_lo = 1;
                b.lo = strcmp(o, ">") == 0 ? v + 1 : v;
            }
            if (strcmp(o, "<=") == 0 || strcmp(o, "<") == 0 || strcmp(o, "=") == 0) {
                b.has_hi = 1;
                b.hi = strcmp(o, "<") == 0 ? v : v + 1;
            }
            if (!b.has_lo && !b.has_hi)
                return -1;
        }
        w = an_bound_intersect(w, b);
    }
    *out = w;
    return 0;
}

/* a is x op v or x BETWEEN v AND w on a DATE or TIMESTAMP_NTZ column,
 * and the query's conjuncts on x together allow only values inside. */
static int range_inside(const an_norm *n, json_t **q, size_t nq, json_t *a)
{
    json_t *f;
    if (ast_unwrap(a, &f, NULL) != AST_A_Expr)
        return 0;
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    json_t *x = ast_unwrap(l, NULL, NULL) == AST_ColumnRef ? l
              : ast_unwrap(r, NULL, NULL) == AST_ColumnRef ? r : NULL;
    an_bound wa, wq = {0, 0, 0, 0}, b;
    if (!x || conjunct_window(n, a, x, 1, &wa) < 0)
        return 0;
    for (size_t i = 0; i < nq; i++)
        if (conjunct_window(n, q[i], x, 0, &b) == 0)
            wq = an_bound_intersect(wq, b);
    return (!wa.has_lo || (wq.has_lo && wq.lo >= wa.lo)) &&
           (!wa.has_hi || (wq.has_hi && wq.hi <= wa.hi));
}

int an_norm_implies(const an_norm *n, json_t **q, size_t nq, json_t *a)
{
    json_t *f;
    for (size_t i = 0; i < nq; i++)
        if (eq(n, q[i], a))
            return 1;
    if (ast_unwrap(a, &f, NULL) == AST_NullTest &&
        strcmp(ast_str(f, "nulltesttype"), "IS_NOT_NULL") == 0 && ast_get(f, "arg")) {
        for (size_t i = 0; i < nq; i++)
            if (rejects_null(n, q[i], ast_get(f, "arg")))
                return 1;
        return 0;
    }
    for (size_t i = 0; i < nq; i++)
        if (in_subset(n, q[i], a) || outside_all(n, q[i], a))
            return 1;
    return range_inside(n, q, nq, a);
}
