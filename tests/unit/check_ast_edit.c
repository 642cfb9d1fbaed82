/*
 * check_ast_edit.c - node constructors and tree edits: every edit leaves
 * a tree that emits, re-parses to itself, and says what was intended.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "ast.h"
#include "ast_edit.h"
#include "emit.h"
#include "parse.h"
#include "sbuf.h"

static json_t *parse_one(const char *sql)
{
    dialect_error err;
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_msg(nodes != NULL, "does not parse: %s (%s)", sql, err.message);
    json_t *n = json_incref(json_array_get(nodes, 0));
    json_decref(nodes);
    return n;
}

/* Emit the statement, check that the text parses back to the same tree,
 * and compare the text with what is expected. */
static void emits(json_t *stmt, const char *expected)
{
    sbuf out = SBUF_INIT;
    emit_error err;
    ck_assert_int_eq(emit_statement(stmt, EMIT_DATABRICKS, &out, &err), 0);
    ck_assert_str_eq(sbuf_cstr(&out), expected);
    json_t *again = parse_one(sbuf_cstr(&out));
    ck_assert_msg(ast_equal_ignoring_locations(stmt, again), "does not re-parse to the same tree: %s",
                  sbuf_cstr(&out));
    json_decref(again);
    sbuf_free(&out);
}

static json_t *select_of(json_t *stmt)
{
    return json_object_get(stmt, "SelectStmt");
}

START_TEST(and_into_where_and_on)
{
    json_t *s = parse_one("SELECT a FROM t");
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op(">=", ast_new_column_ref("t", "d"), ast_new_current_date()));
    emits(s, "SELECT a FROM t WHERE t.d >= current_date()");
    /* A second conjunct joins the AND list the parser would build. */
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op("=", ast_new_column_ref(NULL, "b"), ast_new_int_const(1)));
    emits(s, "SELECT a FROM t WHERE t.d >= current_date() AND b = 1");
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op("<", ast_new_column_ref(NULL, "c"), ast_new_string_const("x")));
    emits(s, "SELECT a FROM t WHERE t.d >= current_date() AND b = 1 AND c < 'x'");
    json_decref(s);

    /* Into an OR: the OR is bracketed, never merged. */
    s = parse_one("SELECT a FROM t WHERE x = 1 OR y = 2");
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op("=", ast_new_column_ref(NULL, "z"), ast_new_int_const(3)));
    emits(s, "SELECT a FROM t WHERE (x = 1 OR y = 2) AND z = 3");
    json_decref(s);

    /* Into a join's ON. */
    s = parse_one("SELECT a FROM t LEFT JOIN u ON u.id = t.id");
    json_t *join = json_object_get(json_array_get(json_object_get(select_of(s), "fromClause"), 0),
                                   "JoinExpr");
    ast_and_into(join, "quals", ast_new_binary_op(">=", ast_new_column_ref("u", "d"),
                                                  ast_new_typed_literal("date", "2026-11-01")));
    emits(s, "SELECT a FROM t LEFT JOIN u ON u.id = t.id AND u.d >= DATE '2026-11-01'");
    json_decref(s);
}
END_TEST

START_TEST(constructors)
{
    json_t *s = parse_one("SELECT a FROM t");
    json_t *args = json_array();
    json_array_append_new(args, ast_new_column_ref(NULL, "amount"));
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op(">", ast_new_func_call("abs", args), ast_new_int_const(-5)));
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op(">=", ast_new_column_ref(NULL, "ts"),
                                   ast_new_typed_literal("timestamp", "2026-11-01 00:00:00")));
    ast_and_into(select_of(s), "whereClause",
                 ast_new_binary_op(">=", ast_new_column_ref(NULL, "d"),
                                   ast_new_binary_op("-", ast_new_current_date(),
                                                     ast_new_typed_literal("interval", "7 DAYS"))));
    emits(s, "SELECT a FROM t WHERE abs(amount) > -5 AND ts >= TIMESTAMP '2026-11-01 00:00:00' "
             "AND d >= current_date() - INTERVAL 7 DAYS");
    json_decref(s);
}
END_TEST

START_TEST(replace_from_item_and_target)
{
    json_t *s = parse_one("SELECT region, sum(amount) FROM sales.transactions AS t GROUP BY region");
    analysis an;
    analysis_build(&an, s, "main", "sales");
    json_t *rv = an.items[0]->node;
    json_t *repl = json_pack("{s:{s:s,s:s,s:s,s:b,s:s,s:{s:s},s:i}}", "RangeVar",
                             "catalogname", "main", "schemaname", "sales", "relname", "by_region",
                             "inh", 1, "relpersistence", "p", "alias", "aliasname", "t",
                             "location", -1);
    ck_assert_int_eq(ast_replace_node(s, rv, repl), 0);
    /* The analysis is stale now: rebuild before reading it again. */
    analysis_free(&an);
    analysis_build(&an, s, "main", "sales");
    ck_assert_str_eq(an.items[0]->qualified, "main.sales.by_region");
    /* A select-list expression replaced keeps its output name. */
    json_t *first = an.top->outputs[0].target;
    ast_replace_target_expr(first, ast_new_column_ref("t", "region_name"));
    json_t *second = an.top->outputs[1].target;
    json_t *sum_args = json_array();
    json_array_append_new(sum_args, ast_new_column_ref(NULL, "revenue"));
    ast_replace_target_expr(second, ast_new_func_call("sum", sum_args));
    analysis_free(&an);
    emits(s, "SELECT t.region_name AS region, sum(revenue) FROM main.sales.by_region AS t "
             "GROUP BY region");
    /* A node that is not in the tree: -1, and the replacement is freed. */
    json_t *stray = json_object();
    ck_assert_int_eq(ast_replace_node(s, stray, ast_new_int_const(1)), -1);
    json_decref(stray);
    json_decref(s);
}
END_TEST

START_TEST(hints_and_limit)
{
    json_t *s = parse_one("SELECT /*+ REPARTITION(4) */ a FROM t JOIN d ON d.k = t.k");
    ast_add_hint(select_of(s), "BROADCAST", "d");
    ast_add_hint(select_of(s), "BROADCAST", "`e f`");
    emits(s, "SELECT /*+ REPARTITION(4), BROADCAST(d, `e f`) */ a FROM t JOIN d ON d.k = t.k");
    json_decref(s);

    s = parse_one("SELECT a FROM t ORDER BY a LIMIT 500000 OFFSET 10");
    ast_add_hint(select_of(s), "BROADCAST", "t");
    ast_set_limit(select_of(s), 100);
    emits(s, "SELECT /*+ BROADCAST(t) */ a FROM t ORDER BY a LIMIT 100 OFFSET 10");
    json_decref(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ast_edit");
    TCase *tc = tcase_create("ast_edit");
    tcase_add_test(tc, and_into_where_and_on);
    tcase_add_test(tc, constructors);
    tcase_add_test(tc, replace_from_item_and_target);
    tcase_add_test(tc, hints_and_limit);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
