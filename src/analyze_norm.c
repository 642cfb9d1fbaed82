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
