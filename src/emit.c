/*
 * emit.c - AST -> Databricks SQL (and PostgreSQL).
 *
 * Layout follows libpg_query's deparser: emit_expr() and emit_from_item()
 * dispatch on the node kind with a switch (compiled with -Wswitch-enum,
 * so a new kind cannot be forgotten).  A kind whose text takes more than
 * a few lines has a function of its own (emit_a_expr, emit_func_call,
 * emit_type_cast, emit_case, emit_join, emit_pivot, ...); the short ones
 * (IS NULL, coalesce(...), current_date(), a parameter marker, ...) are
 * written in the switch itself.
 *
 * Parentheses are decided in one place, expr_prec(), from Spark's
 * operator precedence.  Two extra rules keep the text unambiguous for
 * the bridge, whose PostgreSQL grammar ranks some operators differently:
 * comparisons and predicates never take another comparison or predicate
 * as a bare operand, and an operator PostgreSQL treats as "generic"
 * (||, &, |, ^, <<, >>) is always parenthesised inside another binary
 * operator.  Extra parentheses never change the parse tree.
 */
#include "emit.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "dialect.h"
#include "keywords.h"
#include "parse.h"

enum prec {
    PREC_LOWEST = 0,
    PREC_OR = 1,
    PREC_AND = 2,
    PREC_NOT = 3,
    PREC_CMP = 4,       /* = <> < IN LIKE BETWEEN IS <=> : non-associative */
    PREC_BITOR = 5,
    PREC_BITXOR = 6,
    PREC_BITAND = 7,
    PREC_SHIFT = 8,
    PREC_ADD = 9,       /* + - || */
    PREC_MUL = 10,      /* * / % DIV */
    PREC_UNARY = 11,
    PREC_POSTFIX = 12,
    PREC_PRIMARY = 13
};

/* FRAMEOPTION_* bits of PostgreSQL 15 (nodes/parsenodes.h). */
enum {
    FO_NONDEFAULT = 0x1, FO_RANGE = 0x2, FO_ROWS = 0x4, FO_GROUPS = 0x8,
    FO_BETWEEN = 0x10, FO_START_UNBOUNDED_PRECEDING = 0x20,
    FO_END_UNBOUNDED_PRECEDING = 0x40, FO_START_UNBOUNDED_FOLLOWING = 0x80,
    FO_END_UNBOUNDED_FOLLOWING = 0x100, FO_START_CURRENT_ROW = 0x200,
    FO_END_CURRENT_ROW = 0x400, FO_START_OFFSET_PRECEDING = 0x800,
    FO_END_OFFSET_PRECEDING = 0x1000, FO_START_OFFSET_FOLLOWING = 0x2000,
    FO_END_OFFSET_FOLLOWING = 0x4000, FO_EXCLUDE_CURRENT_ROW = 0x8000,
    FO_EXCLUDE_GROUP = 0x10000, FO_EXCLUDE_TIES = 0x20000
};

#define EMIT_MAX_DEPTH 1000

typedef struct emitter {
    sbuf *o;
    emit_target target;
    emit_error *err;
    int failed;
    int depth;
    int in_struct;      /* emitting the arguments of struct(...) */
} emitter;

static void emit_expr(emitter *e, json_t *node, int min_prec);
static void emit_select(emitter *e, json_t *f);
static void emit_from_item(emitter *e, json_t *node);
static void emit_window_spec(emitter *e, json_t *w);

static int fail(emitter *e, json_t *fields, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(emitter *e, json_t *fields, const char *fmt, ...)
{
    if (e->failed)
        return -1;
    e->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err->message, sizeof e->err->message, fmt, ap);
    va_end(ap);
    json_t *loc = fields ? ast_get(fields, "location") : NULL;
    e->err->location = loc ? json_integer_value(loc) : -1;
    return -1;
}

static int spark(const emitter *e)
{
    return e->target == EMIT_DATABRICKS;
}

static void puts_(emitter *e, const char *s)
{
    sbuf_puts(e->o, s);
}

/* ------------------------------------------------------------------ */
/* Identifiers and literals                                            */

void emit_identifier(sbuf *o, const char *name, emit_target target)
{
    if (target == EMIT_DATABRICKS) {
        if (!spark_ident_needs_quotes(name)) {
            sbuf_puts(o, name);
            return;
        }
        sbuf_putc(o, '`');
        for (const char *p = name; *p; p++) {
            if (*p == '`')
                sbuf_putc(o, '`');
            sbuf_putc(o, *p);
        }
        sbuf_putc(o, '`');
        return;
    }
    int plain = name[0] && !isdigit((unsigned char)name[0]) &&
                pg_keyword_category(name, strlen(name)) == PG_KW_NONE;
    for (const char *p = name; *p && plain; p++)
        plain = islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_';
    if (plain) {
        sbuf_puts(o, name);
        return;
    }
    sbuf_putc(o, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            sbuf_putc(o, '"');
        sbuf_putc(o, *p);
    }
    sbuf_putc(o, '"');
}

static void ident(emitter *e, const char *name)
{
    emit_identifier(e->o, name, e->target);
}

/* Function names stay bare where the bridge reads them back unchanged. */
static void func_name_part(emitter *e, const char *name)
{
    int bare = name[0] && !isdigit((unsigned char)name[0]);
    for (const char *p = name; *p && bare; p++)
        bare = isalnum((unsigned char)*p) || *p == '_';
    if (bare && pg_keyword_category(name, strlen(name)) == PG_KW_RESERVED &&
        !(spark(e) && strcmp(name, "array") == 0))
        bare = 0;
    if (bare)
        puts_(e, name);
    else
        ident(e, name);
}

static void string_literal(emitter *e, const char *s)
{
    sbuf_putc(e->o, '\'');
    for (const char *p = s; *p; p++) {
        if (spark(e)) {
            if (*p == '\'' || *p == '\\')
                sbuf_putc(e->o, '\\');
            sbuf_putc(e->o, *p);
        } else {
            if (*p == '\'')
                sbuf_putc(e->o, '\'');
            sbuf_putc(e->o, *p);
        }
    }
    sbuf_putc(e->o, '\'');
}

static void ident_list(emitter *e, json_t *list)
{
    size_t i;
    json_t *n;
    json_array_foreach(list, i, n) {
        if (i)
            puts_(e, ", ");
        const char *s = ast_string_value(n);
        if (!s) {
            fail(e, NULL, "expected a name in a name list");
            return;
        }
        ident(e, s);
    }
}

static void expr_list(emitter *e, json_t *list, int prec)
{
    size_t i;
    json_t *n;
    json_array_foreach(list, i, n) {
        if (i)
            puts_(e, ", ");
        emit_expr(e, n, prec);
    }
}

static void emit_const(emitter *e, json_t *f)
{
    json_t *v;
    if (ast_bool(f, "isnull")) {
        puts_(e, "NULL");
    } else if ((v = ast_get(f, "ival"))) {
        sbuf_put_int(e->o, (long long)json_integer_value(ast_get(v, "ival")));
    } else if ((v = ast_get(f, "fval"))) {
        puts_(e, json_string_value(ast_get(v, "fval")));
    } else if ((v = ast_get(f, "boolval"))) {
        puts_(e, json_is_true(ast_get(v, "boolval")) ? "TRUE" : "FALSE");
    } else if ((v = ast_get(f, "sval"))) {
        string_literal(e, json_string_value(ast_get(v, "sval")));
    } else if ((v = ast_get(f, "bsval"))) {
        const char *bs = json_string_value(ast_get(v, "bsval"));
        if (!bs || (bs[0] != 'x' && bs[0] != 'X')) {
            fail(e, f, "bit-string literals have no Databricks equivalent");
            return;
        }
        sbuf_printf(e->o, spark(e) ? "X'%s'" : "'\\x%s'::bytea", bs + 1);
    } else {
        fail(e, f, "constant of unknown type");
    }
}

/* A suffixed numeric literal, written back as Spark reads it: the
 * number and its suffix give the value and the type exactly (1.5BD is
 * DECIMAL(2,1), which CAST(1.5 AS DECIMAL) is not). */
static void emit_suffixed_literal(emitter *e, json_t *f, const char *suffix)
{
    static const struct { const char *suffix, *pg_type; } types[] = {
        {"l", "bigint"}, {"s", "smallint"}, {"y", "smallint"}, {"d", "double precision"},
        {"f", "real"}, {"bd", "numeric"}, {NULL, NULL}};
    int k = 0;
    while (types[k].suffix && strcmp(types[k].suffix, suffix) != 0)
        k++;
    json_t *af;
    ast_unwrap(ast_get(f, "arg"), &af, NULL);
    if (!types[k].suffix || ast_get(af, "isnull") || ast_get(af, "sval") || ast_get(af, "boolval")) {
        fail(e, f, "unexpected literal type %s", suffix);
        return;
    }
    if (!spark(e))
        puts_(e, "CAST(");
    emit_const(e, af);
    if (spark(e)) {
        for (const char *p = suffix; *p; p++)
            sbuf_putc(e->o, (char)toupper((unsigned char)*p));
    } else {
        sbuf_printf(e->o, " AS %s)", types[k].pg_type);
    }
}

/* ------------------------------------------------------------------ */
/* Precedence                                                          */

static const char *op_name(json_t *f)
{
    json_t *name = ast_get(f, "name");
    if (json_array_size(name) != 1)
        return NULL;
    return ast_string_value(json_array_get(name, 0));
}

static int binop_prec(const char *op)
{
    static const struct { const char *op; int prec; } tbl[] = {
        {"*", PREC_MUL}, {"/", PREC_MUL}, {"%", PREC_MUL}, {"div", PREC_MUL},
        {"+", PREC_ADD}, {"-", PREC_ADD}, {"||", PREC_ADD},
        {"<<", PREC_SHIFT}, {">>", PREC_SHIFT}, {">>>", PREC_SHIFT},
        {"&", PREC_BITAND}, {"#", PREC_BITXOR}, {"|", PREC_BITOR},
        {"=", PREC_CMP}, {"<>", PREC_CMP}, {"<", PREC_CMP}, {">", PREC_CMP},
        {"<=", PREC_CMP}, {">=", PREC_CMP}, {"->", PREC_LOWEST},
        {NULL, 0}};
    for (int i = 0; tbl[i].op; i++)
        if (strcmp(tbl[i].op, op) == 0)
            return tbl[i].prec;
    return -1;
}

/* An operator PostgreSQL parses with its single "generic" precedence. */
static int is_generic_op(const char *op)
{
    return op && (strcmp(op, "||") == 0 || strcmp(op, "&") == 0 ||
                  strcmp(op, "|") == 0 || strcmp(op, "#") == 0 ||
                  strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0 ||
                  strcmp(op, ">>>") == 0);
}

static int expr_prec(json_t *node)
{
    json_t *f;
    ast_kind k = ast_unwrap(node, &f, NULL);
    if (k == AST_BoolExpr) {
        const char *op = ast_str(f, "boolop");
        if (strcmp(op, "AND_EXPR") == 0) return PREC_AND;
        if (strcmp(op, "OR_EXPR") == 0) return PREC_OR;
        return PREC_NOT;
    }
    if (k == AST_A_Expr) {
        const char *kind = ast_str(f, "kind");
        if (strcmp(kind, "AEXPR_OP") == 0) {
            const char *op = op_name(f);
            if (!ast_get(f, "lexpr"))
                return PREC_UNARY;
            int p = op ? binop_prec(op) : -1;
            return p < 0 ? PREC_CMP : p;
        }
        if (strcmp(kind, "AEXPR_NULLIF") == 0)
            return PREC_PRIMARY;
        return PREC_CMP;
    }
    if (k == AST_NullTest || k == AST_BooleanTest)
        return PREC_CMP;
    if (k == AST_SubLink)
        return strcmp(ast_str(f, "subLinkType"), "ANY_SUBLINK") == 0 ? PREC_CMP : PREC_PRIMARY;
    if (k == AST_A_Const) {
        json_t *iv = ast_get(f, "ival"), *fv = ast_get(f, "fval");
        const char *fs = fv ? json_string_value(ast_get(fv, "fval")) : NULL;
        if ((iv && json_integer_value(ast_get(iv, "ival")) < 0) || (fs && fs[0] == '-'))
            return PREC_UNARY;
        return PREC_PRIMARY;
    }
    if (k == AST_CollateClause)
        return PREC_POSTFIX;
    if (k == AST_TypeCast && parse_literal_suffix(f))     /* -128Y reads like -128 */
        return expr_prec(ast_get(f, "arg"));
    return PREC_PRIMARY;
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */

static void emit_column_ref(emitter *e, json_t *f)
{
    if (parse_is_group_by_all(f)) {
        /* GROUP BY ALL (dialect.c, w_all_group) */
        if (!spark(e))
            fail(e, f, "GROUP BY ALL has no PostgreSQL equivalent");
        else
            puts_(e, "ALL");
        return;
    }
    size_t i;
    json_t *part;
    json_array_foreach(ast_get(f, "fields"), i, part) {
        if (i)
            puts_(e, ".");
        const char *s = ast_string_value(part);
        if (s)
            ident(e, s);
        else if (ast_unwrap(part, NULL, NULL) == AST_A_Star)
            puts_(e, "*");
        else
            fail(e, f, "unexpected column reference part");
    }
}

static void emit_binary(emitter *e, json_t *f, const char *op_text, int prec)
{
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    int lp = prec, rp = prec + 1;
    if (prec == PREC_CMP)
        lp = rp = PREC_CMP + 1;
    const char *lop = NULL, *rop = NULL;
    json_t *lf, *rf;
    if (ast_unwrap(l, &lf, NULL) == AST_A_Expr && ast_get(lf, "lexpr"))
        lop = op_name(lf);
    if (ast_unwrap(r, &rf, NULL) == AST_A_Expr && ast_get(rf, "lexpr"))
        rop = op_name(rf);
    if (prec >= PREC_BITOR && prec <= PREC_MUL) {
        if (is_generic_op(lop)) lp = PREC_UNARY;
        if (is_generic_op(rop)) rp = PREC_UNARY;
        if (is_generic_op(op_text) || strcmp(op_text, "^") == 0) {
            if (lop && binop_prec(lop) >= PREC_BITOR && binop_prec(lop) <= PREC_ADD) lp = PREC_MUL;
            if (rop && binop_prec(rop) >= PREC_BITOR && binop_prec(rop) <= PREC_ADD) rp = PREC_MUL;
        }
    }
    emit_expr(e, l, lp);
    puts_(e, " ");
    puts_(e, op_text);
    puts_(e, " ");
    emit_expr(e, r, rp);
}

static void emit_a_expr(emitter *e, json_t *f)
{
    const char *kind = ast_str(f, "kind");
    const char *op = op_name(f);
    json_t *l = ast_get(f, "lexpr"), *r = ast_get(f, "rexpr");
    if (!op) {
        fail(e, f, "qualified operator names have no Databricks equivalent");
        return;
    }
    if (strcmp(kind, "AEXPR_OP") == 0) {
        if (!l) {
            if (strcmp(op, "-") && strcmp(op, "+") && strcmp(op, "~")) {
                fail(e, f, "prefix operator '%s' has no Databricks equivalent", op);
                return;
            }
            puts_(e, op);
            /* "- -x" must not become the comment "--x". */
            if (expr_prec(r) == PREC_UNARY)
                puts_(e, " ");
            emit_expr(e, r, PREC_UNARY);
            return;
        }
        if (strcmp(op, "->") == 0) {
            if (!spark(e)) {
                fail(e, f, "lambda functions have no PostgreSQL equivalent");
                return;
            }
            emit_expr(e, l, PREC_PRIMARY);
            puts_(e, " -> ");
            emit_expr(e, r, PREC_LOWEST);
            return;
        }
        int p = binop_prec(op);
        if (p < 0) {
            fail(e, f, "operator '%s' has no Databricks equivalent", op);
            return;
        }
        const char *text = op;
        if (strcmp(op, "div") == 0)
            text = spark(e) ? "DIV" : "/";
        else if (strcmp(op, "#") == 0 && spark(e))
            text = "^";
        emit_binary(e, f, text, p);
        return;
    }
    if (strcmp(kind, "AEXPR_DISTINCT") == 0) {
        emit_binary(e, f, "IS DISTINCT FROM", PREC_CMP);
    } else if (strcmp(kind, "AEXPR_NOT_DISTINCT") == 0) {
        emit_binary(e, f, spark(e) ? "<=>" : "IS NOT DISTINCT FROM", PREC_CMP);
    } else if (strcmp(kind, "AEXPR_NULLIF") == 0) {
        puts_(e, "nullif(");
        emit_expr(e, l, PREC_LOWEST);
        puts_(e, ", ");
        emit_expr(e, r, PREC_LOWEST);
        puts_(e, ")");
    } else if (strcmp(kind, "AEXPR_IN") == 0) {
        emit_expr(e, l, PREC_CMP + 1);
        puts_(e, strcmp(op, "<>") == 0 ? " NOT IN (" : " IN (");
        json_t *lf;
        if (ast_unwrap(r, &lf, NULL) == AST_List)
            expr_list(e, ast_get(lf, "items"), PREC_LOWEST);
        else
            expr_list(e, r, PREC_LOWEST);
        puts_(e, ")");
    } else if (strcmp(kind, "AEXPR_LIKE") == 0 || strcmp(kind, "AEXPR_ILIKE") == 0) {
        const char *word;
        if (strcmp(op, "~~") == 0) word = "LIKE";
        else if (strcmp(op, "!~~") == 0) word = "NOT LIKE";
        else if (strcmp(op, "~~*") == 0) word = "ILIKE";
        else if (strcmp(op, "!~~*") == 0) word = "NOT ILIKE";
        else if (strcmp(op, "rlike") == 0) word = spark(e) ? "RLIKE" : "~";
        else if (strcmp(op, "!rlike") == 0) word = spark(e) ? "NOT RLIKE" : "!~";
        else {
            fail(e, f, "pattern operator '%s' has no Databricks equivalent", op);
            return;
        }
        emit_expr(e, l, PREC_CMP + 1);
        puts_(e, " ");
        puts_(e, word);
        puts_(e, " ");
        json_t *rf;
        if (ast_unwrap(r, &rf, NULL) == AST_FuncCall &&
            json_array_size(ast_get(rf, "funcname")) == 2 &&
            strcmp(ast_string_value(json_array_get(ast_get(rf, "funcname"), 1)), "like_escape") == 0) {
            json_t *args = ast_get(rf, "args");
            emit_expr(e, json_array_get(args, 0), PREC_CMP + 1);
            puts_(e, " ESCAPE ");
            emit_expr(e, json_array_get(args, 1), PREC_CMP + 1);
        } else {
            emit_expr(e, r, PREC_CMP + 1);
        }
    } else if (strcmp(kind, "AEXPR_OP_ANY") == 0 || strcmp(kind, "AEXPR_OP_ALL") == 0) {
        /* Only [NOT] LIKE|ILIKE ANY|ALL (patterns), as the bridge maps it. */
        const char *word = NULL;
        if (strcmp(op, "~~") == 0) word = "LIKE";
        else if (strcmp(op, "!~~") == 0) word = "NOT LIKE";
        else if (strcmp(op, "~~*") == 0) word = "ILIKE";
        else if (strcmp(op, "!~~*") == 0) word = "NOT ILIKE";
        json_t *rf;
        if (!word || ast_unwrap(r, &rf, NULL) != AST_A_ArrayExpr ||
            json_array_size(ast_get(rf, "elements")) == 0) {
            fail(e, f, "quantified comparison '%s' has no Databricks equivalent", op);
            return;
        }
        int all = strcmp(kind, "AEXPR_OP_ALL") == 0;
        emit_expr(e, l, PREC_CMP + 1);
        sbuf_printf(e->o, " %s %s (", word, all ? "ALL" : "ANY");
        if (!spark(e))
            puts_(e, "ARRAY[");
        expr_list(e, ast_get(rf, "elements"), PREC_LOWEST);
        puts_(e, spark(e) ? ")" : "])");
    } else if (strcmp(kind, "AEXPR_BETWEEN") == 0 || strcmp(kind, "AEXPR_NOT_BETWEEN") == 0) {
        json_t *lf;
        json_t *items = ast_unwrap(r, &lf, NULL) == AST_List ? ast_get(lf, "items") : r;
        emit_expr(e, l, PREC_CMP + 1);
        puts_(e, strcmp(kind, "AEXPR_BETWEEN") == 0 ? " BETWEEN " : " NOT BETWEEN ");
        emit_expr(e, json_array_get(items, 0), PREC_CMP + 1);
        puts_(e, " AND ");
        emit_expr(e, json_array_get(items, 1), PREC_CMP + 1);
    } else {
        fail(e, f, "expression kind %s has no Databricks equivalent", kind);
    }
}

static void emit_bool_expr(emitter *e, json_t *f)
{
    const char *op = ast_str(f, "boolop");
    json_t *args = ast_get(f, "args");
    if (strcmp(op, "NOT_EXPR") == 0) {
        puts_(e, "NOT ");
        emit_expr(e, json_array_get(args, 0), PREC_NOT);
        return;
    }
    int and = strcmp(op, "AND_EXPR") == 0;
    size_t i;
    json_t *a;
    json_array_foreach(args, i, a) {
        if (i)
            puts_(e, and ? " AND " : " OR ");
        emit_expr(e, a, (and ? PREC_AND : PREC_OR) + 1);
    }
}

static void emit_sort_list(emitter *e, json_t *list)
{
    size_t i;
    json_t *s, *f;
    json_array_foreach(list, i, s) {
        if (i)
            puts_(e, ", ");
        if (ast_unwrap(s, &f, NULL) != AST_SortBy) {
            fail(e, NULL, "expected a sort key");
            return;
        }
        emit_expr(e, ast_get(f, "node"), PREC_LOWEST);
        const char *dir = ast_str(f, "sortby_dir");
        if (strcmp(dir, "SORTBY_ASC") == 0) puts_(e, " ASC");
        else if (strcmp(dir, "SORTBY_DESC") == 0) puts_(e, " DESC");
        else if (strcmp(dir, "SORTBY_USING") == 0) {
            fail(e, f, "ORDER BY ... USING has no Databricks equivalent");
            return;
        }
        const char *nulls = ast_str(f, "sortby_nulls");
        if (strcmp(nulls, "SORTBY_NULLS_FIRST") == 0) puts_(e, " NULLS FIRST");
        else if (strcmp(nulls, "SORTBY_NULLS_LAST") == 0) puts_(e, " NULLS LAST");
    }
}

static int name_is(json_t *names, size_t idx, const char *want)
{
    const char *s = ast_string_value(json_array_get(names, idx));
    return s && strcmp(s, want) == 0;
}

/* SQL-syntax functions PostgreSQL rewrites to pg_catalog calls. */
static int emit_sql_syntax_func(emitter *e, json_t *f, const char *fn, json_t *args)
{
    size_t n = json_array_size(args);
    if (strcmp(fn, "extract") == 0 && n == 2) {
        json_t *cf;
        const char *field = NULL;
        if (ast_unwrap(json_array_get(args, 0), &cf, NULL) == AST_A_Const)
            field = json_string_value(ast_get(ast_get(cf, "sval"), "sval"));
        if (!field)
            return fail(e, f, "EXTRACT needs a field name");
        puts_(e, "EXTRACT(");
        puts_(e, field);    /* spelling kept: the bridge keeps it too */
        puts_(e, " FROM ");
        emit_expr(e, json_array_get(args, 1), PREC_LOWEST);
        puts_(e, ")");
        return 0;
    }
    if (strcmp(fn, "position") == 0 && n == 2) {
        puts_(e, "POSITION(");
        emit_expr(e, json_array_get(args, 1), PREC_CMP + 1);
        puts_(e, " IN ");
        emit_expr(e, json_array_get(args, 0), PREC_CMP + 1);
        puts_(e, ")");
        return 0;
    }
    if (strcmp(fn, "substring") == 0 && (n == 2 || n == 3)) {
        puts_(e, "SUBSTRING(");
        emit_expr(e, json_array_get(args, 0), PREC_LOWEST);
        puts_(e, " FROM ");
        emit_expr(e, json_array_get(args, 1), PREC_LOWEST);
        if (n == 3) {
            puts_(e, " FOR ");
            emit_expr(e, json_array_get(args, 2), PREC_LOWEST);
        }
        puts_(e, ")");
        return 0;
    }
    if ((strcmp(fn, "btrim") == 0 || strcmp(fn, "ltrim") == 0 ||
         strcmp(fn, "rtrim") == 0) && (n == 1 || n == 2)) {
        puts_(e, "TRIM(");
        puts_(e, fn[0] == 'b' ? "BOTH " : fn[0] == 'l' ? "LEADING " : "TRAILING ");
        if (n == 2) {
            emit_expr(e, json_array_get(args, 1), PREC_LOWEST);
            puts_(e, " ");
        }
        puts_(e, "FROM ");
        emit_expr(e, json_array_get(args, 0), PREC_LOWEST);
        puts_(e, ")");
        return 0;
    }
    if (strcmp(fn, "overlay") == 0 && (n == 3 || n == 4)) {
        puts_(e, "OVERLAY(");
        emit_expr(e, json_array_get(args, 0), PREC_LOWEST);
        puts_(e, " PLACING ");
        emit_expr(e, json_array_get(args, 1), PREC_LOWEST);
        puts_(e, " FROM ");
        emit_expr(e, json_array_get(args, 2), PREC_LOWEST);
        if (n == 4) {
            puts_(e, " FOR ");
            emit_expr(e, json_array_get(args, 3), PREC_LOWEST);
        }
        puts_(e, ")");
        return 0;
    }
    return fail(e, f, "SQL-syntax function %s has no Databricks equivalent", fn);
}

/* For TIMESTAMPADD / DATEADD / DATE_ADD (unit, n, ts) and TIMESTAMPDIFF /
 * DATEDIFF / DATE_DIFF (unit, a, b) (SqlBaseParser.g4 #timestampadd,
 * #timestampdiff): the unit word the bridge read as a column name, when
 * it is one of datetimeUnit's words; NULL otherwise. */
static const char *datetime_unit_arg(json_t *names, json_t *args)
{
    static const char *const fns[] = {"timestampadd", "dateadd", "date_add", "timestampdiff",
                                      "datediff", "date_diff"};
    static const char *const units[] = {"year", "quarter", "month", "week", "day", "dayofyear",
                                        "hour", "minute", "second", "millisecond", "microsecond"};
    json_t *cf;
    const char *fn = json_array_size(names) == 1 ? ast_string_value(json_array_get(names, 0)) : NULL;
    if (!fn || json_array_size(args) != 3 ||
        ast_unwrap(json_array_get(args, 0), &cf, NULL) != AST_ColumnRef ||
        json_array_size(ast_get(cf, "fields")) != 1)
        return NULL;
    const char *unit = ast_string_value(json_array_get(ast_get(cf, "fields"), 0));
    int known_fn = 0;
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        known_fn |= strcasecmp(fn, fns[i]) == 0;
    for (size_t i = 0; unit && known_fn && i < sizeof units / sizeof *units; i++)
        if (strcasecmp(unit, units[i]) == 0)
            return unit;
    return NULL;
}

static void emit_func_call(emitter *e, json_t *f)
{
    json_t *names = ast_get(f, "funcname");
    json_t *args = ast_get(f, "args");
    size_t nn = json_array_size(names);
    if (strcmp(ast_str(f, "funcformat"), "COERCE_SQL_SYNTAX") == 0 && nn == 2 &&
        name_is(names, 0, "pg_catalog")) {
        emit_sql_syntax_func(e, f, ast_string_value(json_array_get(names, 1)), args);
        return;
    }
    if (ast_bool(f, "func_variadic")) {
        fail(e, f, "VARIADIC arguments have no Databricks equivalent");
        return;
    }
    const char *first = nn >= 1 ? ast_string_value(json_array_get(names, 0)) : NULL;
    if (parse_is_placeholder(first) && (nn != 1 || !parse_is_json_path(first))) {
        /* A bridge marker left where no fix-up took it: never print it. */
        fail(e, f, "internal marker %s out of place", first);
        return;
    }
    if (parse_is_json_path(first)) {
        /* raw:a.b[0] (dialect.c, bridge_json_path) */
        json_t *pf;
        const char *path = json_array_size(args) == 2 &&
                           ast_unwrap(json_array_get(args, 1), &pf, NULL) == AST_A_Const ?
                           json_string_value(ast_get(ast_get(pf, "sval"), "sval")) : NULL;
        if (!path || !spark(e) || ast_get(f, "over") || ast_get(f, "agg_filter") ||
            ast_get(f, "agg_order") || ast_get(f, "sl_nulls")) {
            fail(e, f, "JSON path extraction has no %s equivalent",
                 spark(e) ? "such" : "PostgreSQL");
            return;
        }
        emit_expr(e, json_array_get(args, 0), PREC_POSTFIX);
        puts_(e, ":");
        puts_(e, path);
        return;
    }
    for (size_t i = 0; i < nn; i++) {
        if (i)
            puts_(e, ".");
        const char *s = ast_string_value(json_array_get(names, i));
        if (!s) {
            fail(e, f, "bad function name");
            return;
        }
        func_name_part(e, s);
    }
    puts_(e, "(");
    if (ast_bool(f, "agg_star"))
        puts_(e, "*");
    if (ast_bool(f, "agg_distinct"))
        puts_(e, "DISTINCT ");
    const char *unit = datetime_unit_arg(names, args);
    if (unit && spark(e)) {
        /* The unit is a keyword there: a backticked name does not parse.
         * Written as it came (its case is the name's, which the tree keeps). */
        puts_(e, unit);
        for (size_t i = 1; i < json_array_size(args); i++) {
            puts_(e, ", ");
            emit_expr(e, json_array_get(args, i), PREC_LOWEST);
        }
        puts_(e, ")");
        return;
    }
    int saved = e->in_struct;
    e->in_struct = nn == 1 && strcasecmp(ast_string_value(json_array_get(names, 0)), "struct") == 0;
    expr_list(e, args, PREC_LOWEST);
    e->in_struct = saved;
    json_t *order = ast_get(f, "agg_order");
    if (order && !ast_bool(f, "agg_within_group")) {
        puts_(e, " ORDER BY ");
        emit_sort_list(e, order);
    }
    const char *nulls = json_string_value(ast_get(f, "sl_nulls"));
    if (nulls && !spark(e)) {
        fail(e, f, "IGNORE / RESPECT NULLS has no PostgreSQL equivalent");
        return;
    }
    if (nulls && ast_bool(f, "sl_nulls_inside"))
        puts_(e, strcmp(nulls, "ignore") == 0 ? " IGNORE NULLS" : " RESPECT NULLS");
    puts_(e, ")");
    if (nulls && !ast_bool(f, "sl_nulls_inside"))
        puts_(e, strcmp(nulls, "ignore") == 0 ? " IGNORE NULLS" : " RESPECT NULLS");
    if (order && ast_bool(f, "agg_within_group")) {
        puts_(e, " WITHIN GROUP (ORDER BY ");
        emit_sort_list(e, order);
        puts_(e, ")");
    }
    if (ast_get(f, "agg_filter")) {
        puts_(e, " FILTER (WHERE ");
        emit_expr(e, ast_get(f, "agg_filter"), PREC_LOWEST);
        puts_(e, ")");
    }
    json_t *over = ast_get(f, "over");
    if (over) {
        puts_(e, " OVER ");
        const char *name = json_string_value(ast_get(over, "name"));
        if (name && !ast_get(over, "partitionClause") &&
            !ast_get(over, "orderClause") &&
            !(json_integer_value(ast_get(over, "frameOptions")) & FO_NONDEFAULT) &&
            !ast_get(over, "refname")) {
            ident(e, name);
        } else {
            puts_(e, "(");
            emit_window_spec(e, over);
            puts_(e, ")");
        }
    }
}

static void frame_bound(emitter *e, int opts, json_t *offset, int start)
{
    int up = start ? FO_START_UNBOUNDED_PRECEDING : FO_END_UNBOUNDED_PRECEDING;
    int uf = start ? FO_START_UNBOUNDED_FOLLOWING : FO_END_UNBOUNDED_FOLLOWING;
    int cr = start ? FO_START_CURRENT_ROW : FO_END_CURRENT_ROW;
    int op = start ? FO_START_OFFSET_PRECEDING : FO_END_OFFSET_PRECEDING;
    int of = start ? FO_START_OFFSET_FOLLOWING : FO_END_OFFSET_FOLLOWING;
    if (opts & up) puts_(e, "UNBOUNDED PRECEDING");
    else if (opts & uf) puts_(e, "UNBOUNDED FOLLOWING");
    else if (opts & cr) puts_(e, "CURRENT ROW");
    else if (opts & (op | of)) {
        emit_expr(e, offset, PREC_ADD);
        puts_(e, (opts & op) ? " PRECEDING" : " FOLLOWING");
    }
}

/* The inside of OVER (...) or of a WINDOW definition. */
static void emit_window_spec(emitter *e, json_t *w)
{
    int sep = 0;
    const char *ref = json_string_value(ast_get(w, "refname"));
    if (ref) {
        ident(e, ref);
        sep = 1;
    }
    json_t *part = ast_get(w, "partitionClause");
    if (part) {
        puts_(e, sep ? " PARTITION BY " : "PARTITION BY ");
        expr_list(e, part, PREC_LOWEST);
        sep = 1;
    }
    json_t *order = ast_get(w, "orderClause");
    if (order) {
        puts_(e, sep ? " ORDER BY " : "ORDER BY ");
        emit_sort_list(e, order);
        sep = 1;
    }
    int opts = (int)json_integer_value(ast_get(w, "frameOptions"));
    if (opts & FO_NONDEFAULT) {
        if (opts & (FO_EXCLUDE_CURRENT_ROW | FO_EXCLUDE_GROUP | FO_EXCLUDE_TIES | FO_GROUPS)) {
            fail(e, w, "window frame GROUPS / EXCLUDE has no Databricks equivalent");
            return;
        }
        if (sep)
            puts_(e, " ");
        puts_(e, (opts & FO_ROWS) ? "ROWS " : "RANGE ");
        if (opts & FO_BETWEEN) {
            puts_(e, "BETWEEN ");
            frame_bound(e, opts, ast_get(w, "startOffset"), 1);
            puts_(e, " AND ");
            frame_bound(e, opts, ast_get(w, "endOffset"), 0);
        } else {
            frame_bound(e, opts, ast_get(w, "startOffset"), 1);
        }
    }
}

/* Spark spelling of a type name; PostgreSQL spelling for that target. */
static void emit_type_name(emitter *e, json_t *t)
{
    json_t *names = ast_get(t, "names");
    size_t n = json_array_size(names);
    if (ast_get(t, "arrayBounds")) {
        fail(e, t, "PostgreSQL array types have no Databricks spelling; use ARRAY<...>");
        return;
    }
    const char *name = ast_string_value(json_array_get(names, n - 1));
    if (!name || n == 0 || n > 2) {
        fail(e, t, "unsupported type name");
        return;
    }
    static const struct { const char *pg, *spark_name; } catalog[] = {
        {"int4", "INT"}, {"int8", "BIGINT"}, {"int2", "SMALLINT"},
        {"float4", "FLOAT"}, {"float8", "DOUBLE"}, {"bool", "BOOLEAN"},
        {"numeric", "DECIMAL"}, {"varchar", "VARCHAR"}, {"bpchar", "CHAR"},
        {"timestamp", "TIMESTAMP"}, {"timestamptz", "TIMESTAMP"},
        {"interval", "INTERVAL"}, {"text", "STRING"}, {NULL, NULL}};
    static const struct { const char *spark_name, *pg; } to_pg[] = {
        {"string", "text"}, {"int", "integer"}, {"integer", "integer"},
        {"bigint", "bigint"}, {"long", "bigint"}, {"smallint", "smallint"},
        {"short", "smallint"}, {"tinyint", "smallint"}, {"byte", "smallint"},
        {"double", "double precision"}, {"float", "real"}, {"real", "real"},
        {"boolean", "boolean"}, {"date", "date"}, {"timestamp", "timestamp"},
        {"timestamp_ntz", "timestamp"}, {"decimal", "numeric"}, {"dec", "numeric"},
        {"numeric", "numeric"}, {"binary", "bytea"}, {"varchar", "varchar"},
        {"char", "char"}, {NULL, NULL}};
    char upper[128];
    const char *out = NULL;
    if (n == 2 && !name_is(names, 0, "pg_catalog")) {
        fail(e, t, "qualified type names have no Databricks spelling");
        return;
    }
    if (n == 2) {
        for (int i = 0; catalog[i].pg; i++)
            if (strcmp(catalog[i].pg, name) == 0)
                out = spark(e) ? catalog[i].spark_name : name;
        if (!out) {
            fail(e, t, "type %s has no Databricks spelling", name);
            return;
        }
        if (!spark(e) && strcmp(name, "float8") == 0)
            out = "double precision";
    } else if (strchr(name, '<')) {
        if (strncasecmp(name, "array<", 6) != 0 && strncasecmp(name, "map<", 4) != 0 &&
            strncasecmp(name, "struct<", 7) != 0) {
            fail(e, t, "type %s has no Databricks spelling", name);
            return;
        }
        if (!spark(e)) {
            fail(e, t, "complex type %s has no PostgreSQL equivalent", name);
            return;
        }
        out = name;
    } else if (spark(e)) {
        size_t len = strlen(name);
        int simple = len < sizeof upper;
        for (size_t i = 0; simple && i < len; i++) {
            if (!(isalnum((unsigned char)name[i]) || name[i] == '_'))
                simple = 0;
            upper[i] = (char)toupper((unsigned char)name[i]);
        }
        if (!simple) {
            ident(e, name);
            out = "";
        } else {
            upper[len] = '\0';
            out = upper;
        }
    } else {
        for (int i = 0; to_pg[i].spark_name; i++)
            if (strcasecmp(to_pg[i].spark_name, name) == 0)
                out = to_pg[i].pg;
        if (!out) {
            fail(e, t, "type %s has no PostgreSQL equivalent", name);
            return;
        }
    }
    puts_(e, out);
    json_t *mods = ast_get(t, "typmods");
    if (mods) {
        puts_(e, "(");
        expr_list(e, mods, PREC_LOWEST);
        puts_(e, ")");
    }
}

/* Spark's multi-unit interval text: "7 DAYS", "1 DAY 2 HOURS". */
static int is_multi_unit_interval(const char *s)
{
    int pairs = 0;
    const char *p = s;
    while (*p) {
        if (pairs)
            if (*p++ != ' ') return 0;
        if (*p == '-') p++;
        if (!isdigit((unsigned char)*p)) return 0;
        while (isdigit((unsigned char)*p) || *p == '.') p++;
        if (*p++ != ' ') return 0;
        const char *u = p;
        while (isalpha((unsigned char)*p)) p++;
        if (!spark_interval_unit(u, (size_t)(p - u))) return 0;
        pairs++;
    }
    return pairs > 0;
}

static void interval_unit(emitter *e, int mask)
{
    static const struct { int bit; const char *name; } units[] = {
        {IM_YEAR, "YEAR"}, {IM_MONTH, "MONTH"}, {IM_DAY, "DAY"},
        {IM_HOUR, "HOUR"}, {IM_MINUTE, "MINUTE"}, {IM_SECOND, "SECOND"}, {0, NULL}};
    int first = -1, last = -1;
    for (int i = 0; units[i].name; i++) {
        if (mask & units[i].bit) {
            if (first < 0) first = i;
            last = i;
        }
    }
    if (first < 0) {
        fail(e, NULL, "interval qualifier %d has no Databricks spelling", mask);
        return;
    }
    puts_(e, units[first].name);
    if (last != first) {
        puts_(e, " TO ");
        puts_(e, units[last].name);
    }
}

static void emit_type_cast(emitter *e, json_t *f)
{
    json_t *arg = ast_get(f, "arg"), *t = ast_get(f, "typeName");
    json_t *names = ast_get(t, "names");
    json_t *af;
    const char *sval = NULL;
    if (ast_unwrap(arg, &af, NULL) == AST_A_Const)
        sval = json_string_value(ast_get(ast_get(af, "sval"), "sval"));
    const char *suffix = parse_literal_suffix(f);
    if (suffix) {
        emit_suffixed_literal(e, f, suffix);
        return;
    }
    int pgcat = json_array_size(names) == 2 && name_is(names, 0, "pg_catalog");
    if (sval && pgcat && !ast_bool(f, "sl_try_cast") && !ast_bool(f, "sl_cast")) {
        /* Typed literals: INTERVAL '...', TIMESTAMP '...'. */
        if (name_is(names, 1, "interval")) {
            json_t *mods = ast_get(t, "typmods");
            if (!mods && spark(e) && is_multi_unit_interval(sval)) {
                puts_(e, "INTERVAL ");
                puts_(e, sval);
                return;
            }
            puts_(e, "INTERVAL ");
            string_literal(e, sval);
            if (mods) {
                json_t *mf;
                if (ast_unwrap(json_array_get(mods, 0), &mf, NULL) != AST_A_Const) {
                    fail(e, f, "unexpected interval qualifier");
                    return;
                }
                int mask = (int)json_integer_value(ast_get(ast_get(mf, "ival"), "ival"));
                puts_(e, " ");
                interval_unit(e, mask);
                if (json_array_size(mods) > 1) {
                    fail(e, f, "interval precision has no Databricks spelling");
                    return;
                }
            }
            return;
        }
        if (name_is(names, 1, "timestamp") && !ast_get(t, "typmods")) {
            puts_(e, "TIMESTAMP ");
            string_literal(e, sval);
            return;
        }
    }
    if (sval && !pgcat && json_array_size(names) == 1 && name_is(names, 0, "date") &&
        ast_int(f, "location") < 0 && !ast_bool(f, "sl_try_cast")) {
        puts_(e, "DATE ");
        string_literal(e, sval);
        return;
    }
    if (pgcat && name_is(names, 1, "interval") && spark(e)) {
        /* CAST(x AS INTERVAL DAY TO SECOND) */
        json_t *mods = ast_get(t, "typmods"), *mf;
        if (json_array_size(mods) != 1 ||
            ast_unwrap(json_array_get(mods, 0), &mf, NULL) != AST_A_Const) {
            fail(e, f, "a cast to INTERVAL needs its fields (INTERVAL DAY TO SECOND)");
            return;
        }
        puts_(e, ast_bool(f, "sl_try_cast") ? "TRY_CAST(" : "CAST(");
        emit_expr(e, arg, PREC_LOWEST);
        puts_(e, " AS INTERVAL ");
        interval_unit(e, (int)json_integer_value(ast_get(ast_get(mf, "ival"), "ival")));
        puts_(e, ")");
        return;
    }
    if (pgcat) {
        fail(e, f, "cast to a PostgreSQL-specific type has no Databricks spelling");
        return;
    }
    if (ast_bool(f, "sl_try_cast") && !spark(e)) {
        fail(e, f, "TRY_CAST has no PostgreSQL equivalent");
        return;
    }
    puts_(e, ast_bool(f, "sl_try_cast") ? "TRY_CAST(" : "CAST(");
    emit_expr(e, arg, PREC_LOWEST);
    puts_(e, " AS ");
    emit_type_name(e, t);
    puts_(e, ")");
}

static void emit_case(emitter *e, json_t *f)
{
    puts_(e, "CASE");
    if (ast_get(f, "arg")) {
        puts_(e, " ");
        emit_expr(e, ast_get(f, "arg"), PREC_LOWEST);
    }
    size_t i;
    json_t *w, *wf;
    json_array_foreach(ast_get(f, "args"), i, w) {
        if (ast_unwrap(w, &wf, NULL) != AST_CaseWhen) {
            fail(e, f, "expected WHEN");
            return;
        }
        puts_(e, " WHEN ");
        emit_expr(e, ast_get(wf, "expr"), PREC_LOWEST);
        puts_(e, " THEN ");
        emit_expr(e, ast_get(wf, "result"), PREC_LOWEST);
    }
    if (ast_get(f, "defresult")) {
        puts_(e, " ELSE ");
        emit_expr(e, ast_get(f, "defresult"), PREC_LOWEST);
    }
    puts_(e, " END");
}

static void emit_subquery(emitter *e, json_t *node)
{
    json_t *f;
    if (ast_unwrap(node, &f, NULL) != AST_SelectStmt) {
        fail(e, NULL, "expected a query");
        return;
    }
    puts_(e, "(");
    emit_select(e, f);
    puts_(e, ")");
}

static void emit_sublink(emitter *e, json_t *f)
{
    const char *type = ast_str(f, "subLinkType");
    if (strcmp(type, "EXISTS_SUBLINK") == 0) {
        puts_(e, "EXISTS ");
        emit_subquery(e, ast_get(f, "subselect"));
    } else if (strcmp(type, "EXPR_SUBLINK") == 0) {
        emit_subquery(e, ast_get(f, "subselect"));
    } else if (strcmp(type, "ANY_SUBLINK") == 0 &&
               (!ast_get(f, "operName") ||
                (json_array_size(ast_get(f, "operName")) == 1 &&
                 name_is(ast_get(f, "operName"), 0, "=")))) {
        if (ast_get(f, "operName")) {
            fail(e, f, "= ANY (subquery) has no Databricks equivalent; use IN");
            return;
        }
        emit_expr(e, ast_get(f, "testexpr"), PREC_CMP + 1);
        puts_(e, " IN ");
        emit_subquery(e, ast_get(f, "subselect"));
    } else {
        fail(e, f, "subquery form %s has no Databricks equivalent", type);
    }
}

static void emit_indirection(emitter *e, json_t *f)
{
    json_t *arg = ast_get(f, "arg");
    json_t *af;
    ast_kind k = ast_unwrap(arg, &af, NULL);
    if (k == AST_ColumnRef || k == AST_FuncCall || k == AST_A_Indirection ||
        k == AST_ParamRef)
        emit_expr(e, arg, PREC_POSTFIX);
    else {
        puts_(e, "(");
        emit_expr(e, arg, PREC_LOWEST);
        puts_(e, ")");
    }
    size_t i;
    json_t *ind, *indf;
    json_array_foreach(ast_get(f, "indirection"), i, ind) {
        ast_kind ik = ast_unwrap(ind, &indf, NULL);
        if (ik == AST_A_Indices) {
            if (ast_bool(indf, "is_slice")) {
                fail(e, f, "array slices have no Databricks equivalent");
                return;
            }
            puts_(e, "[");
            emit_expr(e, ast_get(indf, "uidx"), PREC_LOWEST);
            puts_(e, "]");
        } else if (ik == AST_String) {
            puts_(e, ".");
            ident(e, ast_string_value(ind));
        } else if (ik == AST_A_Star) {
            puts_(e, ".*");
        } else {
            fail(e, f, "unsupported indirection");
            return;
        }
    }
}

static void emit_grouping_set(emitter *e, json_t *f)
{
    const char *kind = ast_str(f, "kind");
    json_t *content = ast_get(f, "content");
    if (strcmp(kind, "GROUPING_SET_EMPTY") == 0) {
        puts_(e, "()");
        return;
    }
    if (strcmp(kind, "GROUPING_SET_ROLLUP") == 0) puts_(e, "ROLLUP (");
    else if (strcmp(kind, "GROUPING_SET_CUBE") == 0) puts_(e, "CUBE (");
    else if (strcmp(kind, "GROUPING_SET_SETS") == 0) puts_(e, "GROUPING SETS (");
    else puts_(e, "(");
    expr_list(e, content, PREC_LOWEST);
    puts_(e, ")");
}

static void emit_expr(emitter *e, json_t *node, int min_prec)
{
    json_t *f;
    const char *name;
    if (e->failed)
        return;
    if (++e->depth > EMIT_MAX_DEPTH) {
        fail(e, NULL, "expression nested too deeply");
        e->depth--;
        return;
    }
    int prec = expr_prec(node);
    int paren = prec < min_prec;
    if (paren)
        puts_(e, "(");
    ast_kind k = ast_unwrap(node, &f, &name);
    switch (k) {
    case AST_ColumnRef: emit_column_ref(e, f); break;
    case AST_A_Const: emit_const(e, f); break;
    case AST_A_Expr: emit_a_expr(e, f); break;
    case AST_BoolExpr: emit_bool_expr(e, f); break;
    case AST_FuncCall: emit_func_call(e, f); break;
    case AST_TypeCast: emit_type_cast(e, f); break;
    case AST_CaseExpr: emit_case(e, f); break;
    case AST_SubLink: emit_sublink(e, f); break;
    case AST_A_Indirection: emit_indirection(e, f); break;
    case AST_GroupingSet: emit_grouping_set(e, f); break;
    case AST_NullTest:
        emit_expr(e, ast_get(f, "arg"), PREC_CMP + 1);
        puts_(e, strcmp(ast_str(f, "nulltesttype"), "IS_NULL") == 0 ? " IS NULL" : " IS NOT NULL");
        break;
    case AST_BooleanTest: {
        static const struct { const char *k, *text; } bt[] = {
            {"IS_TRUE", " IS TRUE"}, {"IS_NOT_TRUE", " IS NOT TRUE"},
            {"IS_FALSE", " IS FALSE"}, {"IS_NOT_FALSE", " IS NOT FALSE"},
            {"IS_UNKNOWN", " IS UNKNOWN"}, {"IS_NOT_UNKNOWN", " IS NOT UNKNOWN"}, {NULL, NULL}};
        emit_expr(e, ast_get(f, "arg"), PREC_CMP + 1);
        const char *t = ast_str(f, "booltesttype");
        for (int i = 0; bt[i].k; i++)
            if (strcmp(bt[i].k, t) == 0)
                puts_(e, bt[i].text);
        break;
    }
    case AST_CoalesceExpr:
        puts_(e, "coalesce(");
        expr_list(e, ast_get(f, "args"), PREC_LOWEST);
        puts_(e, ")");
        break;
    case AST_MinMaxExpr:
        puts_(e, strcmp(ast_str(f, "op"), "IS_GREATEST") == 0 ? "greatest(" : "least(");
        expr_list(e, ast_get(f, "args"), PREC_LOWEST);
        puts_(e, ")");
        break;
    case AST_SQLValueFunction: {
        const char *op = ast_str(f, "op");
        if (strcmp(op, "SVFOP_CURRENT_DATE") == 0)
            puts_(e, spark(e) ? "current_date()" : "CURRENT_DATE");
        else if (strcmp(op, "SVFOP_CURRENT_TIMESTAMP") == 0)
            puts_(e, spark(e) ? "current_timestamp()" : "CURRENT_TIMESTAMP");
        else if (strcmp(op, "SVFOP_CURRENT_USER") == 0)
            puts_(e, spark(e) ? "current_user()" : "CURRENT_USER");
        else if (strcmp(op, "SVFOP_CURRENT_CATALOG") == 0)
            puts_(e, spark(e) ? "current_catalog()" : "CURRENT_CATALOG");
        else if (strcmp(op, "SVFOP_CURRENT_SCHEMA") == 0)
            puts_(e, spark(e) ? "current_schema()" : "CURRENT_SCHEMA");
        else
            fail(e, f, "%s has no Databricks equivalent", op);
        break;
    }
    case AST_GroupingFunc:
        puts_(e, "grouping(");
        expr_list(e, ast_get(f, "args"), PREC_LOWEST);
        puts_(e, ")");
        break;
    case AST_RowExpr:
        if (strcmp(ast_str(f, "row_format"), "COERCE_IMPLICIT_CAST") != 0) {
            fail(e, f, "ROW(...) has no Databricks equivalent; use struct(...)");
            break;
        }
        puts_(e, "(");
        expr_list(e, ast_get(f, "args"), PREC_LOWEST);
        puts_(e, ")");
        break;
    case AST_CollateClause:
        emit_expr(e, ast_get(f, "arg"), PREC_POSTFIX);
        puts_(e, " COLLATE ");
        ident_list(e, ast_get(f, "collname"));
        break;
    case AST_A_Star:
        puts_(e, "*");
        break;
    case AST_NamedArgExpr: {
        int in_struct = e->in_struct;
        e->in_struct = 0;
        if (in_struct && spark(e)) {
            emit_expr(e, ast_get(f, "arg"), PREC_LOWEST);
            puts_(e, " AS ");
            ident(e, ast_str(f, "name"));
        } else {
            ident(e, ast_str(f, "name"));
            puts_(e, " => ");
            emit_expr(e, ast_get(f, "arg"), PREC_LOWEST);
        }
        e->in_struct = in_struct;
        break;
    }
    case AST_A_ArrayExpr:
        fail(e, f, "ARRAY[...] has no Databricks equivalent; use array(...)");
        break;
    case AST_ParamRef: {
        const char *marker = json_string_value(ast_get(f, "sl_param"));
        if (!marker || !spark(e))
            fail(e, f, "parameter references have no %s equivalent",
                 spark(e) ? "Databricks" : "PostgreSQL");
        else
            puts_(e, marker);
        break;
    }
    case AST_SelectStmt:
        emit_subquery(e, node);
        break;
    case AST_A_Indices: case AST_Alias: case AST_BitString: case AST_Boolean:
    case AST_CaseWhen: case AST_CommonTableExpr: case AST_Float: case AST_Integer:
    case AST_IntoClause: case AST_JoinExpr: case AST_List: case AST_LockingClause:
    case AST_RangeFunction: case AST_RangeSubselect: case AST_RangeTableSample:
    case AST_RangeVar: case AST_ResTarget: case AST_SortBy: case AST_String:
    case AST_TypeName: case AST_WindowDef: case AST_WithClause:
    case AST_UNKNOWN: case AST_KIND_COUNT:
        fail(e, f, "unsupported node type %s in an expression", name ? name : "(none)");
        break;
    }
    if (paren)
        puts_(e, ")");
    e->depth--;
}

/* ------------------------------------------------------------------ */
/* FROM items                                                          */

static void emit_alias(emitter *e, json_t *alias)
{
    if (!alias)
        return;
    json_t *cols = ast_get(alias, "colnames");
    if (parse_is_anonymous_alias(alias)) {
        if (!spark(e))      /* PostgreSQL 15 needs a name */
            puts_(e, " AS anonymous");
        else if (cols)      /* FROM u AS (a, b) */
            puts_(e, " AS ");
        if (!cols)
            return;
    } else {
        puts_(e, " AS ");
        ident(e, json_string_value(ast_get(alias, "aliasname")));
    }
    if (cols) {
        puts_(e, "(");
        ident_list(e, cols);
        puts_(e, ")");
    }
}

static void emit_range_function_call(emitter *e, json_t *f, json_t **call_out)
{
    json_t *fns = ast_get(f, "functions");
    json_t *lf;
    if (json_array_size(fns) != 1 || ast_get(f, "coldeflist") ||
        ast_bool(f, "ordinality") || ast_bool(f, "is_rowsfrom") ||
        ast_unwrap(json_array_get(fns, 0), &lf, NULL) != AST_List) {
        fail(e, f, "ROWS FROM / WITH ORDINALITY have no Databricks equivalent");
        return;
    }
    json_t *call = json_array_get(ast_get(lf, "items"), 0);
    if (call_out)
        *call_out = call;
    /* PostgreSQL has no IDENTIFIER('name') clause: print the name. */
    json_t *cf, *af;
    const char *fn;
    if (!spark(e) && ast_unwrap(call, &cf, NULL) == AST_FuncCall &&
        json_array_size(ast_get(cf, "funcname")) == 1 &&
        (fn = ast_string_value(json_array_get(ast_get(cf, "funcname"), 0))) &&
        strcasecmp(fn, "identifier") == 0 && json_array_size(ast_get(cf, "args")) == 1 &&
        ast_unwrap(json_array_get(ast_get(cf, "args"), 0), &af, NULL) == AST_A_Const) {
        const char *name = json_string_value(ast_get(ast_get(af, "sval"), "sval"));
        char parts[3][256];
        int n = name ? dialect_multipart_name(name, parts) : -1;
        if (n < 0) {
            fail(e, f, "IDENTIFIER(...) names no table");
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i)
                puts_(e, ".");
            ident(e, parts[i]);
        }
        return;
    }
    emit_expr(e, call, PREC_PRIMARY);
}

static int is_join(json_t *node)
{
    return ast_unwrap(node, NULL, NULL) == AST_JoinExpr;
}

static void emit_join(emitter *e, json_t *f)
{
    json_t *l = ast_get(f, "larg"), *r = ast_get(f, "rarg"), *rf;
    const char *jt = ast_str(f, "jointype");
    if (ast_get(f, "alias") || ast_get(f, "join_using_alias")) {
        fail(e, f, "an alias on a join has no Databricks equivalent");
        return;
    }
    emit_from_item(e, l);
    if (ast_unwrap(r, &rf, NULL) == AST_RangeFunction && ast_get(rf, "sl_lateral_view")) {
        int outer = strcmp(ast_str(rf, "sl_lateral_view"), "outer") == 0;
        json_t *q = ast_get(f, "quals"), *qf;
        /* The bridge's stand-in joins on TRUE (OUTER) or on nothing. */
        if (outer ? !(ast_unwrap(q, &qf, NULL) == AST_A_Const && ast_get(qf, "boolval") &&
                      json_is_true(ast_get(ast_get(qf, "boolval"), "boolval")))
                  : q != NULL) {
            fail(e, f, "a LATERAL VIEW with a join condition has no Databricks spelling");
            return;
        }
        if (!spark(e)) {
            puts_(e, outer ? " LEFT JOIN LATERAL " : " CROSS JOIN LATERAL ");
            emit_range_function_call(e, rf, NULL);
            emit_alias(e, ast_get(rf, "alias"));
            if (outer)
                puts_(e, " ON TRUE");
            return;
        }
        puts_(e, outer ? " LATERAL VIEW OUTER " : " LATERAL VIEW ");
        emit_range_function_call(e, rf, NULL);
        json_t *alias = ast_get(rf, "alias");
        if (alias) {
            if (!parse_is_anonymous_alias(alias)) {
                puts_(e, " ");
                ident(e, json_string_value(ast_get(alias, "aliasname")));
            }
            json_t *cols = ast_get(alias, "colnames");
            if (cols) {
                puts_(e, " AS ");
                ident_list(e, cols);
            }
        }
        return;
    }
    int natural = ast_bool(f, "isNatural");
    json_t *quals = ast_get(f, "quals"), *using = ast_get(f, "usingClause");
    const char *semi_anti = json_string_value(ast_get(f, "sl_join"));
    if (semi_anti) {
        if (!spark(e) || using || strcmp(jt, "JOIN_LEFT") != 0 || (natural == !!quals)) {
            fail(e, f, "%s JOIN is not supported%s", strcmp(semi_anti, "anti") == 0 ? "ANTI"
                 : "SEMI", spark(e) ? " in this form" : " by this target");
            return;
        }
        if (natural)
            puts_(e, " NATURAL");
        puts_(e, strcmp(semi_anti, "anti") == 0 ? " LEFT ANTI JOIN " : " LEFT SEMI JOIN ");
        /* A join as the right side keeps its brackets, as below. */
        if (is_join(r))
            puts_(e, "(");
        emit_from_item(e, r);
        if (is_join(r))
            puts_(e, ")");
        if (quals) {
            puts_(e, " ON ");
            emit_expr(e, quals, 0);
        }
        return;
    }
    if (natural) puts_(e, " NATURAL");
    if (strcmp(jt, "JOIN_INNER") == 0)
        puts_(e, (quals || using || natural) ? " JOIN " : " CROSS JOIN ");
    else if (strcmp(jt, "JOIN_LEFT") == 0) puts_(e, " LEFT JOIN ");
    else if (strcmp(jt, "JOIN_RIGHT") == 0) puts_(e, " RIGHT JOIN ");
    else if (strcmp(jt, "JOIN_FULL") == 0) puts_(e, " FULL JOIN ");
    else {
        fail(e, f, "join type %s has no Databricks equivalent", jt);
        return;
    }
    if (is_join(r)) {
        puts_(e, "(");
        emit_from_item(e, r);
        puts_(e, ")");
    } else {
        emit_from_item(e, r);
    }
    if (quals) {
        puts_(e, " ON ");
        emit_expr(e, quals, PREC_LOWEST);
    } else if (using) {
        puts_(e, " USING (");
        ident_list(e, using);
        puts_(e, ")");
    }
}

/* A RangeVar's [catalog.][schema.]table, without its alias. */
static void emit_relation_name(emitter *e, json_t *rv)
{
    const char *cat = json_string_value(ast_get(rv, "catalogname"));
    const char *sch = json_string_value(ast_get(rv, "schemaname"));
    if (cat) { ident(e, cat); puts_(e, "."); }
    if (sch) { ident(e, sch); puts_(e, "."); }
    ident(e, ast_str(rv, "relname"));
}

/* The bridge's sampling methods (dialect.c, w_tablesample) and the
 * Spark clause each stands for. */
static void emit_table_sample(emitter *e, json_t *f)
{
    json_t *rf, *sf;
    json_t *method = ast_get(f, "method");
    json_t *args = ast_get(f, "args");
    const char *m = json_array_size(method) == 1 &&
                    ast_unwrap(json_array_get(method, 0), &sf, NULL) == AST_String ?
                    json_string_value(ast_get(sf, "sval")) : NULL;
    size_t nargs = json_array_size(args);
    if (m && nargs == 1 && spark(e) && !ast_get(f, "repeatable") &&
        ast_unwrap(ast_get(f, "relation"), &rf, NULL) == AST_RangeVar &&
        (strcmp(m, "sluice_version") == 0 || strcmp(m, "sluice_timestamp") == 0 ||
         strcmp(m, "sluice_at") == 0)) {
        /* Time travel (dialect.c, w_temporal). */
        json_t *cf;
        emit_relation_name(e, rf);
        if (strcmp(m, "sluice_at") == 0) {
            const char *at = ast_unwrap(json_array_get(args, 0), &cf, NULL) == AST_A_Const ?
                             json_string_value(ast_get(ast_get(cf, "sval"), "sval")) :
                             NULL;
            if (!at) {
                fail(e, f, "bad @ version");
                return;
            }
            puts_(e, "@");
            puts_(e, at);
        } else {
            puts_(e, strcmp(m, "sluice_version") == 0 ? " VERSION AS OF " : " TIMESTAMP AS OF ");
            emit_expr(e, json_array_get(args, 0), PREC_LOWEST);
        }
        emit_alias(e, ast_get(rf, "alias"));
        return;
    }
    int bucket = m && strcmp(m, "sluice_bucket") == 0 && nargs == 2;
    int one = m && (strcmp(m, "sluice_percent") == 0 || strcmp(m, "sluice_rows") == 0) &&
              nargs == 1;
    if (!spark(e) || (!bucket && !one) || ast_get(f, "repeatable") ||
        ast_unwrap(ast_get(f, "relation"), &rf, NULL) != AST_RangeVar) {
        fail(e, f, "TABLESAMPLE is not supported%s", spark(e) ? " in this form" : " by this target");
        return;
    }
    emit_relation_name(e, rf);
    puts_(e, " TABLESAMPLE (");
    if (bucket) {
        puts_(e, "BUCKET ");
        emit_expr(e, json_array_get(args, 0), 0);
        puts_(e, " OUT OF ");
        emit_expr(e, json_array_get(args, 1), 0);
    } else {
        emit_expr(e, json_array_get(args, 0), 0);
        puts_(e, strcmp(m, "sluice_percent") == 0 ? " PERCENT" : " ROWS");
    }
    puts_(e, ")");
    emit_alias(e, ast_get(rf, "alias"));
}

/* expr [AS name] items of a PIVOT / UNPIVOT clause. */
static void pivot_items(emitter *e, json_t *items)
{
    size_t i;
    json_t *it, *rf;
    json_array_foreach(items, i, it) {
        if (i)
            puts_(e, ", ");
        if (ast_unwrap(it, &rf, NULL) != AST_ResTarget) {
            fail(e, NULL, "bad PIVOT item");
            return;
        }
        emit_expr(e, ast_get(rf, "val"), PREC_LOWEST);
        const char *name = json_string_value(ast_get(rf, "name"));
        if (name) {
            puts_(e, " AS ");
            ident(e, name);
        }
    }
}

/* A derived table carrying PIVOT / UNPIVOT (parse.c, pivot_from_join):
 * its source, then the clause.  A source with a WHERE or hints (one a
 * rule injected, or written so) is printed as the (SELECT * ...) it is. */
static void emit_pivot(emitter *e, json_t *rs, json_t *sel)
{
    json_t *spec = ast_get(sel, "sl_pivot");
    const char *kind = json_string_value(ast_get(spec, "kind"));
    const char *nulls = json_string_value(ast_get(spec, "nulls"));
    json_t *from = ast_get(sel, "fromClause");
    if (!spark(e)) {
        fail(e, rs, "PIVOT / UNPIVOT have no PostgreSQL equivalent");
        return;
    }
    if (json_array_size(from) == 1 && !ast_get(sel, "whereClause") && !ast_get(sel, "sl_hints"))
        emit_from_item(e, json_array_get(from, 0));
    else
        emit_subquery(e, ast_get(rs, "subquery"));
    int unpivot = kind && strcmp(kind, "unpivot") == 0;
    puts_(e, unpivot ? " UNPIVOT " : " PIVOT ");
    if (nulls)
        puts_(e, strcmp(nulls, "include") == 0 ? "INCLUDE NULLS " : "EXCLUDE NULLS ");
    puts_(e, "(");
    pivot_items(e, ast_get(spec, "values"));
    puts_(e, " FOR ");
    json_t *forcols = ast_get(spec, "for");
    if (json_array_size(forcols) != 1) {
        fail(e, rs, "bad PIVOT column");
        return;
    }
    emit_expr(e, json_array_get(forcols, 0), PREC_LOWEST);
    puts_(e, " IN (");
    pivot_items(e, ast_get(spec, "in"));
    puts_(e, "))");
    emit_alias(e, ast_get(rs, "alias"));
}

static void emit_from_item(emitter *e, json_t *node)
{
    json_t *f;
    const char *name;
    if (e->failed)
        return;
    if (++e->depth > EMIT_MAX_DEPTH) {
        fail(e, NULL, "FROM clause nested too deeply");
        e->depth--;
        return;
    }
    ast_kind k = ast_unwrap(node, &f, &name);
    switch (k) {
    case AST_RangeVar:
        emit_relation_name(e, f);
        emit_alias(e, ast_get(f, "alias"));
        break;
    case AST_RangeSubselect: {
        json_t *sf;
        if (ast_unwrap(ast_get(f, "subquery"), &sf, NULL) == AST_SelectStmt &&
            ast_get(sf, "sl_pivot")) {
            emit_pivot(e, f, sf);
            break;
        }
        if (ast_bool(f, "lateral"))
            puts_(e, "LATERAL ");
        emit_subquery(e, ast_get(f, "subquery"));
        emit_alias(e, ast_get(f, "alias"));
        break;
    }
    case AST_RangeFunction:
        if (ast_bool(f, "lateral"))
            puts_(e, "LATERAL ");
        emit_range_function_call(e, f, NULL);
        emit_alias(e, ast_get(f, "alias"));
        break;
    case AST_JoinExpr:
        emit_join(e, f);
        break;
    case AST_RangeTableSample:
        emit_table_sample(e, f);
        break;
    case AST_A_ArrayExpr: case AST_A_Const: case AST_A_Expr: case AST_A_Indices:
    case AST_A_Indirection: case AST_A_Star: case AST_Alias: case AST_BitString:
    case AST_BoolExpr: case AST_Boolean: case AST_BooleanTest: case AST_CaseExpr:
    case AST_CaseWhen: case AST_CoalesceExpr: case AST_CollateClause:
    case AST_ColumnRef: case AST_CommonTableExpr: case AST_Float: case AST_FuncCall:
    case AST_GroupingFunc: case AST_GroupingSet: case AST_Integer: case AST_IntoClause:
    case AST_List: case AST_LockingClause: case AST_MinMaxExpr: case AST_NamedArgExpr: case AST_NullTest:
    case AST_ParamRef: case AST_ResTarget: case AST_RowExpr: case AST_SQLValueFunction:
    case AST_SelectStmt: case AST_SortBy: case AST_String: case AST_SubLink:
    case AST_TypeCast: case AST_TypeName: case AST_WindowDef: case AST_WithClause:
    case AST_UNKNOWN: case AST_KIND_COUNT:
        fail(e, f, "unsupported node type %s in FROM", name ? name : "(none)");
        break;
    }
    e->depth--;
}

/* ------------------------------------------------------------------ */
/* Queries                                                             */

/* A SELECT's hints (sl_hints), all in one comment: NAME(arg, ...), ... */
static void emit_hints(emitter *e, json_t *hints)
{
    size_t i;
    json_t *h;
    int open = 0;
    json_array_foreach(hints, i, h) {
        puts_(e, open ? ", " : " /*+ ");
        open = 1;
        puts_(e, json_string_value(ast_get(h, "name")));
        json_t *args = ast_get(h, "args");
        if (json_array_size(args)) {
            puts_(e, "(");
            size_t j;
            json_t *a;
            json_array_foreach(args, j, a) {
                if (j)
                    puts_(e, ", ");
                puts_(e, json_string_value(a));
            }
            puts_(e, ")");
        }
    }
    if (open)
        puts_(e, " */");
}

static void emit_with(emitter *e, json_t *w)
{
    puts_(e, ast_bool(w, "recursive") ? "WITH RECURSIVE " : "WITH ");
    size_t i;
    json_t *c, *cf;
    json_array_foreach(ast_get(w, "ctes"), i, c) {
        if (ast_unwrap(c, &cf, NULL) != AST_CommonTableExpr) {
            fail(e, w, "expected a common table expression");
            return;
        }
        if (i)
            puts_(e, ", ");
        ident(e, ast_str(cf, "ctename"));
        if (ast_get(cf, "aliascolnames")) {
            puts_(e, "(");
            ident_list(e, ast_get(cf, "aliascolnames"));
            puts_(e, ")");
        }
        const char *mat = ast_str(cf, "ctematerialized");
        if (*mat && strcmp(mat, "CTEMaterializeDefault") != 0) {
            fail(e, cf, "[NOT] MATERIALIZED has no Databricks equivalent");
            return;
        }
        if (ast_get(cf, "search_clause") || ast_get(cf, "cycle_clause")) {
            fail(e, cf, "SEARCH / CYCLE have no Databricks equivalent");
            return;
        }
        puts_(e, " AS ");
        emit_subquery(e, ast_get(cf, "ctequery"));
    }
    puts_(e, " ");
}

static int setop_rank(json_t *f)
{
    const char *op = ast_str(f, "op");
    if (strcmp(op, "SETOP_INTERSECT") == 0) return 2;
    if (strcmp(op, "SETOP_UNION") == 0 || strcmp(op, "SETOP_EXCEPT") == 0) return 1;
    return 3;   /* a simple SELECT */
}

/* A set-operation operand needs parentheses when it carries its own
 * ORDER BY / LIMIT / WITH, or binds more loosely than its parent. */
static void emit_setop_operand(emitter *e, json_t *f, int parent_rank, int right)
{
    int rank = setop_rank(f);
    int own_clauses = ast_get(f, "sortClause") || ast_get(f, "limitCount") ||
                      ast_get(f, "limitOffset") || ast_get(f, "withClause") ||
                      ast_get(f, "sl_sort_by") || ast_get(f, "sl_cluster_by") ||
                      ast_get(f, "sl_distribute_by");
    int paren = own_clauses || rank < parent_rank || (right && rank == parent_rank);
    if (paren) puts_(e, "(");
    emit_select(e, f);
    if (paren) puts_(e, ")");
}

/* Left UNION [ALL] right (also INTERSECT, EXCEPT). */
static void emit_setop(emitter *e, json_t *f)
{
    const char *op = ast_str(f, "op");
    int rank = setop_rank(f);
    emit_setop_operand(e, ast_get(f, "larg"), rank, 0);
    if (strcmp(op, "SETOP_UNION") == 0) puts_(e, " UNION ");
    else if (strcmp(op, "SETOP_INTERSECT") == 0) puts_(e, " INTERSECT ");
    else puts_(e, " EXCEPT ");
    if (ast_bool(f, "all"))
        puts_(e, "ALL ");
    emit_setop_operand(e, ast_get(f, "rarg"), rank, 1);
}

/* VALUES (...), (...) */
static void emit_values(emitter *e, json_t *f)
{
    puts_(e, "VALUES ");
    size_t i;
    json_t *row, *lf;
    json_array_foreach(ast_get(f, "valuesLists"), i, row) {
        if (i)
            puts_(e, ", ");
        puts_(e, "(");
        if (ast_unwrap(row, &lf, NULL) == AST_List)
            expr_list(e, ast_get(lf, "items"), PREC_LOWEST);
        puts_(e, ")");
    }
}

static void emit_target_list(emitter *e, json_t *f)
{
    size_t i;
    json_t *t, *tf;
    if (json_array_size(ast_get(f, "targetList")) == 0) {
        fail(e, f, "a SELECT needs at least one select item");
        return;
    }
    json_array_foreach(ast_get(f, "targetList"), i, t) {
        if (ast_unwrap(t, &tf, NULL) != AST_ResTarget) {
            fail(e, f, "expected a select-list item");
            return;
        }
        if (i)
            puts_(e, ", ");
        emit_expr(e, ast_get(tf, "val"), PREC_LOWEST);
        json_t *except = ast_get(tf, "sl_except");
        if (except) {
            if (!spark(e)) {
                fail(e, tf, "* EXCEPT has no PostgreSQL equivalent");
                return;
            }
            puts_(e, " EXCEPT (");
            expr_list(e, except, PREC_LOWEST);
            puts_(e, ")");
        }
        const char *alias = json_string_value(ast_get(tf, "name"));
        if (alias) {
            puts_(e, " AS ");
            ident(e, alias);
        }
    }
}

static void emit_window_clause(emitter *e, json_t *f, json_t *windows)
{
    size_t i;
    json_t *w, *wf;
    puts_(e, " WINDOW ");
    json_array_foreach(windows, i, w) {
        if (ast_unwrap(w, &wf, NULL) != AST_WindowDef) {
            fail(e, f, "expected a window definition");
            return;
        }
        if (i)
            puts_(e, ", ");
        ident(e, ast_str(wf, "name"));
        puts_(e, " AS (");
        emit_window_spec(e, wf);
        puts_(e, ")");
    }
}

/* SELECT [hints] [DISTINCT] list [FROM] [WHERE] [GROUP BY] [HAVING]
 * [QUALIFY] [WINDOW]: a simple SELECT up to its shared tail. */
static void emit_simple_select(emitter *e, json_t *f)
{
    puts_(e, "SELECT");
    json_t *hints = ast_get(f, "sl_hints");
    if (hints && spark(e))
        emit_hints(e, hints);
    json_t *distinct = ast_get(f, "distinctClause");
    if (distinct) {
        json_t *d0 = json_array_get(distinct, 0);
        if (json_array_size(distinct) != 1 || json_object_size(d0) != 0) {
            fail(e, f, "DISTINCT ON has no Databricks equivalent");
            return;
        }
        puts_(e, " DISTINCT");
    }
    puts_(e, " ");
    emit_target_list(e, f);
    json_t *from = ast_get(f, "fromClause");
    if (from) {
        puts_(e, " FROM ");
        size_t i;
        json_t *item;
        json_array_foreach(from, i, item) {
            if (i)
                puts_(e, ", ");
            emit_from_item(e, item);
        }
    }
    if (ast_get(f, "whereClause")) {
        puts_(e, " WHERE ");
        emit_expr(e, ast_get(f, "whereClause"), PREC_LOWEST);
    }
    if (ast_get(f, "groupClause")) {
        if (ast_bool(f, "groupDistinct")) {
            fail(e, f, "GROUP BY DISTINCT has no Databricks equivalent");
            return;
        }
        if (!spark(e) && an_is_group_by_all(ast_get(f, "groupClause"))) {
            /* PostgreSQL has no GROUP BY ALL: its keys, the select items
             * without an aggregate (none: one group, no GROUP BY). */
            size_t i, n = 0;
            json_t *t, *tf;
            json_array_foreach(ast_get(f, "targetList"), i, t) {
                if (ast_unwrap(t, &tf, NULL) != AST_ResTarget ||
                    an_has_aggregate(ast_get(tf, "val")))
                    continue;
                puts_(e, n++ ? ", " : " GROUP BY ");
                /* A literal key is an error or a position to PostgreSQL
                 * (SELECT 3 AS tier ... GROUP BY ALL is not GROUP BY 3;
                 * GROUP BY 'x' is refused): the constant as text, an
                 * expression that groups alike. */
                json_t *val = ast_get(tf, "val");
                int literal = ast_unwrap(val, NULL, NULL) == AST_A_Const;
                if (literal)
                    puts_(e, "CAST(");
                emit_expr(e, val, PREC_LOWEST);
                if (literal)
                    puts_(e, " AS TEXT)");
            }
        } else {
            puts_(e, " GROUP BY ");
            expr_list(e, ast_get(f, "groupClause"), PREC_LOWEST);
        }
    }
    if (ast_get(f, "havingClause")) {
        puts_(e, " HAVING ");
        emit_expr(e, ast_get(f, "havingClause"), PREC_LOWEST);
    }
    json_t *qualify = ast_get(f, "sl_qualify");
    if (qualify) {
        if (!spark(e)) {
            fail(e, f, "QUALIFY has no PostgreSQL equivalent");
            return;
        }
        puts_(e, " QUALIFY ");
        emit_expr(e, qualify, PREC_LOWEST);
    }
    json_t *windows = ast_get(f, "windowClause");
    if (windows)
        emit_window_clause(e, f, windows);
}

/* The tail every query form shares: ORDER BY, Spark's CLUSTER /
 * DISTRIBUTE / SORT BY, LIMIT and OFFSET. */
static void emit_query_tail(emitter *e, json_t *f)
{
    if (ast_get(f, "sortClause")) {
        puts_(e, " ORDER BY ");
        emit_sort_list(e, ast_get(f, "sortClause"));
    }
    static const struct { const char *field, *text; } organization[] = {
        {"sl_cluster_by", " CLUSTER BY "}, {"sl_distribute_by", " DISTRIBUTE BY "},
        {"sl_sort_by", " SORT BY "}};
    for (size_t k = 0; k < sizeof organization / sizeof *organization; k++) {
        json_t *list = ast_get(f, organization[k].field);
        if (!list)
            continue;
        if (!spark(e)) {
            fail(e, f, "%sBY has no PostgreSQL equivalent", organization[k].text + 1);
            return;
        }
        puts_(e, organization[k].text);
        if (k == 2)
            emit_sort_list(e, list);
        else
            expr_list(e, list, PREC_LOWEST);
    }
    const char *lim = ast_str(f, "limitOption");
    if (strcmp(lim, "LIMIT_OPTION_WITH_TIES") == 0) {
        fail(e, f, "FETCH ... WITH TIES has no Databricks equivalent");
        return;
    }
    json_t *count = ast_get(f, "limitCount");
    if (count) {
        puts_(e, " LIMIT ");
        json_t *cf;
        if (ast_unwrap(count, &cf, NULL) == AST_A_Const && ast_bool(cf, "isnull"))
            puts_(e, "ALL");
        else
            emit_expr(e, count, PREC_LOWEST);
    }
    if (ast_get(f, "limitOffset")) {
        puts_(e, " OFFSET ");
        emit_expr(e, ast_get(f, "limitOffset"), PREC_LOWEST);
    }
}

/* A query: [WITH ...] then a set operation, VALUES or a simple SELECT,
 * then the shared tail. */
static void emit_select(emitter *e, json_t *f)
{
    if (e->failed)
        return;
    if (++e->depth > EMIT_MAX_DEPTH) {
        fail(e, f, "query nested too deeply");
        e->depth--;
        return;
    }
    if (ast_get(f, "intoClause")) {
        fail(e, f, "SELECT ... INTO has no Databricks equivalent");
    } else if (ast_get(f, "lockingClause")) {
        fail(e, f, "locking clauses (FOR UPDATE ...) have no Databricks equivalent");
    } else {
        json_t *with = ast_get(f, "withClause");
        if (with)
            emit_with(e, with);
        const char *op = ast_str(f, "op");
        if (strcmp(op, "SETOP_NONE") != 0 && *op)
            emit_setop(e, f);
        else if (ast_get(f, "valuesLists"))
            emit_values(e, f);
        else
            emit_simple_select(e, f);
        if (!e->failed)
            emit_query_tail(e, f);
    }
    e->depth--;
}

int emit_expression(json_t *node, emit_target target, sbuf *out, emit_error *err)
{
    emitter e = {out, target, err, 0, 0, 0};
    err->location = -1;
    err->message[0] = '\0';
    emit_expr(&e, node, PREC_LOWEST);
    return e.failed ? -1 : 0;
}

int emit_statement(json_t *node, emit_target target, sbuf *out, emit_error *err)
{
    emitter e = {out, target, err, 0, 0, 0};
    json_t *f;
    const char *name;
    err->location = -1;
    err->message[0] = '\0';
    if (ast_unwrap(node, &f, &name) != AST_SelectStmt)
        return fail(&e, f, "only queries can be emitted, not %s",
                    name ? name : "this statement");
    emit_select(&e, f);
    return e.failed ? -1 : 0;
}
