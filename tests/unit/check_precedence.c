/*
 * check_precedence.c - every pair of Spark operators, grouped as Spark's
 * grammar groups them (apache/spark SqlBaseParser.g4: booleanExpression,
 * predicate, valueExpression and its operator alternatives).
 *
 * For each pair of binary operators OP1, OP2 the statement
 * SELECT a OP1 b OP2 c must format exactly as the explicitly bracketed
 * statement with Spark's grouping does ((a OP1 b) OP2 c or
 * a OP1 (b OP2 c)), and not as the other grouping; where Spark's grammar
 * has no reading (two predicates), it must be refused.  The expected
 * grouping comes from the level table below, not from sluice.  The table
 * was checked against an independent ANTLR build of the Spark grammar
 * (dt-sql-parser 4.5.1, tests/spark-grammar): it agrees on all 830 pairs
 * that grammar reads as Spark does; it predates the shift operators (190
 * pairs) and reads "a * b - c" oddly (4 pairs).  Further tables cover the
 * predicates that take no right operand (IS NULL, IN, LIKE ANY), BETWEEN,
 * ESCAPE, NOT, the prefix operators and casts.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sluice.h"

/* Spark's levels, loosest first: OR, AND, (NOT), predicate,
 * comparison, |, ^, &, shift, + - ||, * / % DIV (SqlBaseParser.g4). */
enum kind { BOOL, PRED, VALUE };
static const struct op {
    const char *text;
    int level;
    enum kind kind;
} ops[] = {
    {"OR", 0, BOOL}, {"AND", 1, BOOL},
    {"LIKE", 2, PRED}, {"NOT LIKE", 2, PRED}, {"ILIKE", 2, PRED}, {"RLIKE", 2, PRED},
    {"NOT RLIKE", 2, PRED}, {"REGEXP", 2, PRED}, {"IS DISTINCT FROM", 2, PRED},
    {"IS NOT DISTINCT FROM", 2, PRED},
    {"=", 3, VALUE}, {"==", 3, VALUE}, {"<>", 3, VALUE}, {"!=", 3, VALUE}, {"<", 3, VALUE},
    {"<=", 3, VALUE}, {">", 3, VALUE}, {">=", 3, VALUE}, {"<=>", 3, VALUE},
    {"|", 4, VALUE}, {"^", 5, VALUE}, {"&", 6, VALUE},
    {"<<", 7, VALUE}, {">>", 7, VALUE}, {">>>", 7, VALUE},
    {"+", 8, VALUE}, {"-", 8, VALUE}, {"||", 8, VALUE},
    {"*", 9, VALUE}, {"/", 9, VALUE}, {"%", 9, VALUE}, {"DIV", 9, VALUE},
};
#define NOPS (sizeof ops / sizeof ops[0])

enum grouping { LEFT, RIGHT, ERROR };

/* Spark's grouping of a OP1 b OP2 c. */
static enum grouping spark_grouping(const struct op *o1, const struct op *o2)
{
    if (o1->kind == PRED && o2->kind == PRED)
        return ERROR;                   /* valueExpression predicate? : one predicate */
    if (o1->kind == PRED && o2->kind == VALUE)
        return RIGHT;                   /* the pattern is a whole valueExpression */
    if (o1->kind == VALUE && o2->kind == PRED)
        return LEFT;                    /* so is the predicate's left operand */
    return o1->level >= o2->level ? LEFT : RIGHT;   /* all left-associative */
}

static char out[4096];

static const char *fmt(const char *sql)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = strlen(sql);
    r.mode = SL_MODE_FORMAT;
    sl_result *res = sl_process(e, &r);
    if (sl_result_action(res) == SL_ACTION_REJECT)
        snprintf(out, sizeof out, "ERR %s", sl_result_diagnostic(res, 0)->message);
    else
        snprintf(out, sizeof out, "%s", sl_result_sql(res, NULL));
    sl_result_free(res);
    sl_engine_free(e);
    return out;
}

/* sql formats as want does, not as other does, and formatting is a
 * fixed point; want NULL: sql is refused. */
static void check_reading(const char *sql, const char *want, const char *other)
{
    char got[4096], w[4096];
    snprintf(got, sizeof got, "%s", fmt(sql));
    if (!want) {
        ck_assert_msg(strncmp(got, "ERR ", 4) == 0, "%s: expected a refusal, got %s", sql, got);
        return;
    }
    snprintf(w, sizeof w, "%s", fmt(want));
    ck_assert_msg(strncmp(w, "ERR ", 4) != 0, "%s: %s", want, w);
    ck_assert_msg(strcmp(got, w) == 0, "%s: got %s, want %s (from %s)", sql, got, w, want);
    if (other)
        ck_assert_msg(strcmp(got, fmt(other)) != 0, "%s: reads like %s", sql, other);
    char again[4096];
    snprintf(again, sizeof again, "%s", fmt(got));
    ck_assert_msg(strcmp(again, got) == 0, "%s: %s formats as %s", sql, got, again);
}

START_TEST(binary_pairs)
{
    int checked = 0;
    for (size_t i = 0; i < NOPS; i++) {
        for (size_t j = 0; j < NOPS; j++) {
            char sql[256], left[256], right[256];
            snprintf(sql, sizeof sql, "SELECT a %s b %s c FROM t", ops[i].text, ops[j].text);
            snprintf(left, sizeof left, "SELECT (a %s b) %s c FROM t", ops[i].text, ops[j].text);
            snprintf(right, sizeof right, "SELECT a %s (b %s c) FROM t", ops[i].text,
                     ops[j].text);
            switch (spark_grouping(&ops[i], &ops[j])) {
            case LEFT: check_reading(sql, left, right); break;
            case RIGHT: check_reading(sql, right, left); break;
            case ERROR: check_reading(sql, NULL, NULL); break;
            }
            checked++;
        }
    }
    ck_assert_int_eq(checked, (int)(NOPS * NOPS));
}
END_TEST

/* Predicates around a value operator X: IS NULL, IN, LIKE ANY and
 * BETWEEN take a whole valueExpression on the left, BETWEEN's bounds are
 * valueExpressions, and nothing but AND / OR may follow IS NULL or a
 * bracketed list. */
START_TEST(predicates_around_value_operators)
{
    for (size_t i = 0; i < NOPS; i++) {
        if (ops[i].kind != VALUE)
            continue;
        const char *x = ops[i].text;
        static const struct { const char *sql, *want, *other; } forms[] = {
            {"a %s b IS NULL", "(a %s b) IS NULL", NULL},
            {"a %s b IS NOT TRUE", "(a %s b) IS NOT TRUE", NULL},
            {"a %s b IN (c)", "(a %s b) IN (c)", "a %s (b IN (c))"},
            {"a %s b NOT IN (c, d)", "(a %s b) NOT IN (c, d)", "a %s (b NOT IN (c, d))"},
            {"a %s b LIKE ANY ('x', 'y')", "(a %s b) LIKE ANY ('x', 'y')", NULL},
            {"a %s b BETWEEN c AND d", "(a %s b) BETWEEN c AND d", "a %s (b BETWEEN c AND d)"},
            {"a BETWEEN b AND c %s d", "a BETWEEN b AND (c %s d)", "(a BETWEEN b AND c) %s d"},
            {"a BETWEEN b %s c AND d", "a BETWEEN (b %s c) AND d", NULL},
            {"a LIKE b %s c ESCAPE '!'", "a LIKE (b %s c) ESCAPE '!'", NULL},
            {"NOT a %s b", "NOT (a %s b)", "(NOT a) %s b"},
            {"- a %s b", "(- a) %s b", "- (a %s b)"},
            {"~ a %s b", "(~ a) %s b", "~ (a %s b)"},
            {"a %s - b", "a %s (- b)", NULL},
            {"a::INT %s b", "CAST(a AS INT) %s b", NULL},
            {"a %s b::INT", "a %s CAST(b AS INT)", NULL},
            {"a IS NULL %s b", NULL, NULL},
            {"a IS NOT DISTINCT FROM b IS NULL %s c", NULL, NULL},
            {"a IN (b) %s c", NULL, NULL},
            {"a LIKE ANY ('x') %s c", NULL, NULL},
            {"a LIKE b ESCAPE '!' %s c", NULL, NULL},
            {"a %s NOT b", NULL, NULL},
            {"a %s !b", NULL, NULL},
            {"a BETWEEN NOT b AND c", NULL, NULL},
        };
        for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
            char sql[256], want[256], other[256], body[128];
            snprintf(body, sizeof body, forms[k].sql, x);
            snprintf(sql, sizeof sql, "SELECT %s FROM t", body);
            if (forms[k].want) {
                snprintf(body, sizeof body, forms[k].want, x);
                snprintf(want, sizeof want, "SELECT %s FROM t", body);
            }
            if (forms[k].other) {
                snprintf(body, sizeof body, forms[k].other, x);
                snprintf(other, sizeof other, "SELECT %s FROM t", body);
            }
            check_reading(sql, forms[k].want ? want : NULL, forms[k].other ? other : NULL);
        }
    }
}
END_TEST

/* Longer chains and the boolean level. */
START_TEST(chains_and_boolean_level)
{
    check_reading("SELECT a = b = c = d FROM t", "SELECT ((a = b) = c) = d FROM t", NULL);
    check_reading("SELECT a <=> b = c <=> d FROM t", "SELECT ((a <=> b) = c) <=> d FROM t",
                  "SELECT a <=> (b = c) <=> d FROM t");
    check_reading("SELECT a < b + c * d = e FROM t", "SELECT (a < (b + (c * d))) = e FROM t",
                  NULL);
    check_reading("SELECT a = b AND c = d = e OR f FROM t",
                  "SELECT ((a = b) AND ((c = d) = e)) OR f FROM t", NULL);
    check_reading("SELECT NOT a = b = c FROM t", "SELECT NOT ((a = b) = c) FROM t", NULL);
    check_reading("SELECT !a <=> b FROM t", "SELECT NOT (a <=> b) FROM t", NULL);
    check_reading("SELECT a = b LIKE c = d FROM t", "SELECT (a = b) LIKE (c = d) FROM t", NULL);
    check_reading("SELECT a <=> b IS DISTINCT FROM c <=> d FROM t",
                  "SELECT (a <=> b) IS DISTINCT FROM (c <=> d) FROM t", NULL);
    check_reading("SELECT f(a = b = c, d) FROM t", "SELECT f((a = b) = c, d) FROM t", NULL);
    check_reading("SELECT CASE WHEN a = b = c THEN 1 END = 2 = 3 FROM t",
                  "SELECT ((CASE WHEN (a = b) = c THEN 1 END) = 2) = 3 FROM t", NULL);
    check_reading("SELECT CAST(x AS MAP<STRING, ARRAY<INT>>) = y = z FROM t",
                  "SELECT (CAST(x AS MAP<STRING, ARRAY<INT>>) = y) = z FROM t", NULL);
    check_reading("SELECT a IN (b) IN (c) FROM t", NULL, NULL);
    check_reading("SELECT a ! IN (b) FROM t", NULL, NULL);
    check_reading("SELECT a ! LIKE b FROM t", NULL, NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("precedence");
    TCase *tc = tcase_create("spark");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, binary_pairs);
    tcase_add_test(tc, predicates_around_value_operators);
    tcase_add_test(tc, chains_and_boolean_level);
    suite_add_tcase(s, tc);
    return check_run(s, CK_NOFORK);
}
