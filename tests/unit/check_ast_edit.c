/*
 * check_ast_edit.c - node constructors and tree edits: every edit leaves
 * a tree that emits, re-parses to itself, and says what was intended.
 */
#include "check_main.h"
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
    json_t *repl = ast_new_range_var("main", "sales", "by_region", "t");
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

/* A predicate at a scan: item `which` (by table name) of the analysis
 * of sql gets d >= 1 qualified by ast_scan_qualifier's name; returns
 * ast_and_at_scan's answer (or -1 from the qualifier), and the text. */
static int at_scan(const char *sql, const char *which, sbuf *out)
{
    json_t *s = parse_one(sql);
    analysis an;
    analysis_build(&an, s, "main", "sales");
    an_item *item = NULL;
    for (size_t i = 0; i < an.nitems; i++)
        if (an.items[i]->qualified && strcmp(an.items[i]->qualified, which) == 0)
            item = an.items[i];
    ck_assert_msg(item != NULL, "no item %s", which);
    const char *q;
    int rc = ast_scan_qualifier(item, &q);
    if (rc == 0)
        rc = ast_and_at_scan(item, ast_new_binary_op(">=", ast_new_column_ref(q, "d"),
                                                     ast_new_int_const(1)));
    analysis_free(&an);
    emit_error err;
    sbuf_truncate(out, 0);
    ck_assert_int_eq(emit_statement(s, EMIT_DATABRICKS, out, &err), 0);
    json_decref(s);
    return rc;
}

START_TEST(predicate_at_scan)
{
    sbuf out = SBUF_INIT;
    /* Inner side: the block's WHERE, under the alias. */
    ck_assert_int_eq(at_scan("SELECT * FROM t AS x JOIN u ON x.k = u.k WHERE u.v = 2",
                             "main.sales.t", &out), 0);
    ck_assert_str_eq(sbuf_cstr(&out),
                     "SELECT * FROM t AS x JOIN u ON x.k = u.k WHERE u.v = 2 AND x.d >= 1");
    /* The null-supplying side of an outer join: that join's ON. */
    ck_assert_int_eq(at_scan("SELECT * FROM t LEFT JOIN u ON t.k = u.k", "main.sales.u", &out), 0);
    ck_assert_str_eq(sbuf_cstr(&out), "SELECT * FROM t LEFT JOIN u ON t.k = u.k AND u.d >= 1");
    /* Its preserved side: the WHERE. */
    ck_assert_int_eq(at_scan("SELECT * FROM t LEFT JOIN u ON t.k = u.k", "main.sales.t", &out), 0);
    ck_assert_str_eq(sbuf_cstr(&out), "SELECT * FROM t LEFT JOIN u ON t.k = u.k WHERE t.d >= 1");
    /* A FULL JOIN's ON reaches neither side: nothing is added. */
    ck_assert_int_eq(at_scan("SELECT * FROM t FULL JOIN u ON t.k = u.k", "main.sales.t", &out), -3);
    ck_assert_str_eq(sbuf_cstr(&out), "SELECT * FROM t FULL JOIN u ON t.k = u.k");
    /* IDENTIFIER(...) without an alias: unqualified when alone, no name
     * beside another item. */
    ck_assert_int_eq(at_scan("SELECT * FROM IDENTIFIER('t')", "main.sales.t", &out), 0);
    ck_assert_str_eq(sbuf_cstr(&out), "SELECT * FROM IDENTIFIER('t') WHERE d >= 1");
    ck_assert_int_eq(at_scan("SELECT * FROM IDENTIFIER('t'), u", "main.sales.t", &out), -1);
    sbuf_free(&out);
}
END_TEST

/* The blocks a rule builds: SELECT, derived table, join with ON, UNION
 * ALL, CAST / COALESCE / AND, select-list entries; each emits and parses
 * back to the same tree (emits()), so it has the parser's shape. */
START_TEST(block_constructors)
{
    /* SELECT CAST(coalesce(sum(n), 0) AS bigint) AS n, * FROM main.s.t AS x */
    json_t *sum_args = json_array(), *co = json_array(), *targets = json_array();
    json_array_append_new(sum_args, ast_new_column_ref(NULL, "n"));
    json_array_append_new(co, ast_new_func_call("sum", sum_args));
    json_array_append_new(co, ast_new_int_const(0));
    json_array_append_new(targets, ast_new_res_target("n", ast_new_cast(ast_new_coalesce(co),
                                                                         "bigint")));
    json_array_append_new(targets, ast_new_star_target());
    json_t *from = json_array();
    json_array_append_new(from, ast_new_range_var("main", "s", "t", "x"));
    json_t *s = ast_new_select(targets, from);
    emits(s, "SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS n, * FROM main.s.t AS x");

    /* (that) AS d JOIN u ON d.k = u.k AND u.ok, in a SELECT; then
     * UNION ALL of it with SELECT * FROM v. */
    json_t *alias = json_object();
    json_object_set_new(alias, "aliasname", json_string("d"));
    json_t *and = json_array();
    json_array_append_new(and, ast_new_binary_op("=", ast_new_column_ref("d", "k"),
                                                 ast_new_column_ref("u", "k")));
    json_array_append_new(and, ast_new_column_ref("u", "ok"));
    json_t *join = ast_new_join("JOIN_LEFT", ast_new_derived_table(s, alias),
                                ast_new_range_var(NULL, NULL, "u", NULL),
                                ast_new_bool_expr("AND_EXPR", and));
    targets = json_array();
    json_array_append_new(targets, ast_new_star_target());
    from = json_array();
    json_array_append_new(from, join);
    json_t *outer = ast_new_select(targets, from);
    emits(outer, "SELECT * FROM (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS n, * "
                 "FROM main.s.t AS x) AS d LEFT JOIN u ON d.k = u.k AND u.ok");
    targets = json_array();
    json_array_append_new(targets, ast_new_star_target());
    from = json_array();
    json_array_append_new(from, ast_new_range_var(NULL, "s", "v", NULL));
    json_t *u = ast_new_union_all(outer, ast_new_select(targets, from));
    emits(u, "SELECT * FROM (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS n, * "
             "FROM main.s.t AS x) AS d LEFT JOIN u ON d.k = u.k AND u.ok "
             "UNION ALL SELECT * FROM s.v");
    json_decref(u);
}
END_TEST

/* ast_walk: the kinds it reports, in order, for a walk that prunes at
 * subqueries, aborts at a marker, or stops at a depth. */
typedef struct seen {
    sbuf names;
    const char *abort_at;       /* a column name */
    int prune_subqueries;
} seen;

static const char *kind_name(ast_kind k)
{
    static const struct { ast_kind k; const char *name; } names[] = {
        {AST_SelectStmt, "Select"}, {AST_ResTarget, "Target"}, {AST_ColumnRef, "Col"},
        {AST_String, "Str"}, {AST_SubLink, "Sub"}, {AST_RangeVar, "Table"},
        {AST_Alias, "Alias"}, {AST_A_Expr, "Op"}, {AST_A_Const, "Const"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].k == k)
            return names[i].name;
    return "?";
}

static ast_walk_rc note_kind(ast_walker *w, json_t *node, ast_kind k, json_t *f)
{
    seen *s = w->ctx;
    (void)node;
    sbuf_printf(&s->names, "%s%s@%d", s->names.len ? " " : "", kind_name(k), w->depth);
    if (k == AST_String && s->abort_at && strcmp(ast_str(f, "sval"), s->abort_at) == 0)
        return AST_WALK_ABORT;
    if (s->prune_subqueries && k == AST_SubLink)
        return AST_WALK_PRUNE;
    return AST_WALK_CONTINUE;
}

static const char *walked(json_t *tree, seen *s, int max_depth, int *too_deep, ast_walk_rc *rc)
{
    sbuf_truncate(&s->names, 0);
    ast_walker w = {.fn = note_kind, .ctx = s, .max_depth = max_depth};
    *rc = ast_walk(&w, tree);
    *too_deep = w.too_deep;
    return sbuf_cstr(&s->names);
}

START_TEST(walker)
{
    json_t *stmt = parse_one("SELECT a, (SELECT b) FROM t AS x WHERE c > 1");
    json_t *sel = ast_get(stmt, "SelectStmt");
    seen s = {SBUF_INIT, NULL, 0};
    int deep;
    ast_walk_rc rc;
    /* Pre-order, every node, larg-style struct fields (alias) as nodes. */
    ck_assert_str_eq(walked(stmt, &s, 0, &deep, &rc),
                     "Select@0 Target@2 Col@3 Str@5 Target@2 Sub@3 Select@4 Target@6 Col@7 "
                     "Str@9 Table@2 Alias@3 Op@1 Str@3 Col@2 Str@4 Const@2");
    ck_assert_int_eq(rc, AST_WALK_CONTINUE);
    ck_assert_int_eq(deep, 0);
    /* Pruned at the subquery: its SELECT is not entered. */
    s.prune_subqueries = 1;
    ck_assert_str_eq(walked(ast_get(sel, "targetList"), &s, 0, &deep, &rc),
                     "Target@1 Col@2 Str@4 Target@1 Sub@2");
    /* Aborted at column c: nothing after it, and the walk says so. */
    s.abort_at = "c";
    ck_assert_str_eq(walked(ast_get(sel, "whereClause"), &s, 0, &deep, &rc),
                     "Op@0 Str@2 Col@1 Str@3");
    ck_assert_int_eq(rc, AST_WALK_ABORT);
    /* A depth limit: deeper values are not visited, and too_deep tells. */
    s.abort_at = NULL;
    ck_assert_str_eq(walked(ast_get(sel, "whereClause"), &s, 2, &deep, &rc),
                     "Op@0 Str@2 Col@1 Const@1");
    ck_assert_int_eq(rc, AST_WALK_CONTINUE);
    ck_assert_int_eq(deep, 1);
    /* Scalars count too: a String's "sval" is a level below it. */
    ck_assert_str_eq(walked(ast_get(sel, "whereClause"), &s, 3, &deep, &rc),
                     "Op@0 Str@2 Col@1 Str@3 Const@1");
    ck_assert_int_eq(deep, 1);
    ck_assert_str_eq(walked(ast_get(sel, "whereClause"), &s, 4, &deep, &rc),
                     "Op@0 Str@2 Col@1 Str@3 Const@1");
    ck_assert_int_eq(deep, 0);
    sbuf_free(&s.names);
    json_decref(stmt);
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
    tcase_add_test(tc, walker);
    tcase_add_test(tc, block_constructors);
    tcase_add_test(tc, predicate_at_scan);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
