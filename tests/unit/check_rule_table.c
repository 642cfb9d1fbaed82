/*
 * check_rule_table.c - the rule table and its driver: every id has one
 * row, the facts other files read from it (suppressible ids, mode words,
 * public help), the rules loader's one mode reader, the deferred delete,
 * and the final guard re-check, proved with deliberately faulty rules
 * run through the engine's test hook (engine_use_rule_rows).
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ast.h"
#include "ast_edit.h"
#include "check/check.h"
#include "rule_table.h"
#include "sluice.h"

/* ------------------------------------------------------------------ */
/* The table                                                           */

START_TEST(every_id_has_one_row)
{
    ck_assert_uint_eq(rule_nrows, RULE_COUNT);
    ck_assert_uint_eq(sl_rule_count(), RULE_COUNT);
    for (int id = 0; id < RULE_COUNT; id++) {
        int rows = 0;
        for (size_t i = 0; i < rule_nrows; i++)
            rows += rule_rows[i].id == (rule_id)id;
        ck_assert_int_eq(rows, 1);
        ck_assert_str_eq(sl_rule_id((size_t)id), rule_name((rule_id)id));
    }
    ck_assert_ptr_null(sl_rule_id(RULE_COUNT));
    ck_assert_str_eq(sl_rule_id(RULE_PARTITION_FILTER), "partition-filter");
    ck_assert_str_eq(sl_rule_summary(RULE_LIMIT_CAP), "the rows a statement returns are capped");
}
END_TEST

/* Judges of what the statement reads come first (a judge's rejection
 * stops the rows after it), the rewrites next, and scan-budget, a judge
 * of the final tree, last; a row runs iff it has a stage, and a guard
 * honours judge_only. */
START_TEST(rows_are_in_stage_order)
{
    const char *order[] = {"statement-kind", "table-resolution", "row-filter", "limit-cap",
                           "aggregate-routing", "partition-filter", "broadcast-hint",
                           "scan-budget"};
    size_t i = 0, n = sizeof order / sizeof *order;
    for (; i < n; i++) {
        ck_assert_str_eq(rule_rows[i].name, order[i]);
        ck_assert_ptr_nonnull(rule_rows[i].run);
        ck_assert_int_eq(rule_rows[i].stage, i < 2 || i == n - 1 ? RULE_STAGE_JUDGE
                                                                 : RULE_STAGE_REWRITE);
    }
    for (; i < rule_nrows; i++) {
        ck_assert_int_eq(rule_rows[i].stage, RULE_STAGE_NONE);
        ck_assert_ptr_null(rule_rows[i].run);
        ck_assert_int_eq(rule_rows[i].suppressible, 0);
    }
    ck_assert_int_eq(rule_row(RULE_LIMIT_CAP)->guard, 1);
    ck_assert_int_eq(rule_row(RULE_PARTITION_FILTER)->guard, 1);
    ck_assert_int_eq(rule_row(RULE_AGGREGATE_ROUTING)->guard, 0);
    ck_assert_uint_eq(rule_row(RULE_PARTITION_FILTER)->on, RULE_ON_SELECT | RULE_ON_INSIDE);
}
END_TEST

START_TEST(suppression_facts_come_from_the_table)
{
    char list[200];
    rule_suppressible_list(list, sizeof list);
    ck_assert_str_eq(list, "aggregate-routing, partition-filter, broadcast-hint, limit-cap, "
                           "scan-budget");
    ck_assert_int_eq(rule_lookup_suppressible("LIMIT-CAP", 9), RULE_LIMIT_CAP);
    ck_assert_int_eq(rule_lookup_suppressible("limit-capx", 9), RULE_LIMIT_CAP);
    ck_assert_int_eq(rule_lookup_suppressible("statement-kind", 14), -1);
    ck_assert_int_eq(rule_lookup_suppressible("syntax", 6), -1);
    ck_assert_str_eq(sl_rule_help(RULE_SUPPRESSION),
                     "Name a rule that can be switched off (aggregate-routing, partition-filter, "
                     "broadcast-hint, limit-cap, scan-budget) or remove the comment.");
    ck_assert_str_eq(rule_mode_word(RULE_PARTITION_FILTER, RULES_ENFORCE_REWRITE), "inject");
    ck_assert_str_eq(rule_mode_word(RULE_LIMIT_CAP, RULES_ENFORCE_REWRITE), "rewrite");
    ck_assert_str_eq(rule_mode_word(RULE_BROADCAST_HINT, RULES_ENFORCE_OFF), "off");
}
END_TEST

/* The loader's one reader of "enforce" takes what the row lists. */
static const char *rules_error(const char *text)
{
    static char msg[300];
    char *err = NULL;
    sl_engine *e = sl_engine_new(text, strlen(text), "r.json", &err);
    if (e) {
        sl_engine_free(e);
        return "OK";
    }
    snprintf(msg, sizeof msg, "%s", err);
    sl_free(err);
    return msg;
}

START_TEST(modes_are_the_rows_modes)
{
    ck_assert_str_eq(rules_error("{\"sluice\": 1, \"limit\": {\"max\": 5, \"enforce\": \"inject\"}}"),
                     "r.json:1:35: key 'enforce': must be \"reject\", \"rewrite\" or \"warn\"");
    ck_assert_str_eq(rules_error("{\"sluice\": 1, \"limit\": {\"max\": 5, \"enforce\": \"warn\"}}"), "OK");
    ck_assert_str_eq(rules_error("{\"sluice\": 1, \"broadcast\": {\"max_rows\": 5, \"enforce\": \"reject\"}}"),
                     "r.json:1:44: key 'enforce': must be \"rewrite\", \"warn\" or \"off\"");
    ck_assert_str_eq(rules_error("{\"sluice\": 1, \"broadcast\": {\"max_rows\": 5, \"enforce\": \"off\"}}"), "OK");
    ck_assert_str_eq(rules_error("{\"sluice\": 1, \"tables\": [{\"match\": \"a.b.c\", \"partition\": "
                                 "{\"column\": \"d\", \"enforce\": \"rewrite\"}}]}"),
                     "r.json:1:74: key 'enforce': must be \"reject\", "
                     "\"inject\" or \"warn\"");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Deferred delete                                                     */

START_TEST(replaced_nodes_live_until_the_deferral_closes)
{
    json_t *tree = json_pack("{s:{s:[{s:{s:i}}]}}", "SelectStmt", "targetList", "A_Const",
                             "location", 7);
    json_t *old = json_array_get(ast_get(ast_get(tree, "SelectStmt"), "targetList"), 0);
    json_incref(old);                               /* ours, to watch it */
    ck_assert_uint_eq(old->refcount, 2);
    ast_defer_open();
    ck_assert_int_eq(ast_replace_node(tree, ast_get(old, "A_Const"), ast_new_int_const(1)), 0);
    ck_assert_uint_eq(old->refcount, 2);            /* ours + the deferral's */
    ast_defer_close();
    ck_assert_uint_eq(old->refcount, 1);            /* ours only: freed at the close */
    /* Without a deferral an edit lets go at once. */
    json_t *now = json_array_get(ast_get(ast_get(tree, "SelectStmt"), "targetList"), 0);
    json_incref(now);
    ck_assert_int_eq(ast_replace_node(tree, ast_get(now, "A_Const"), ast_new_int_const(2)), 0);
    ck_assert_uint_eq(now->refcount, 1);
    json_decref(now);
    json_decref(old);
    json_decref(tree);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The final guard re-check                                            */

static const char *RULES =
    "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"},"
    " \"tables\": ["
    "  {\"match\": \"main.sales.transactions\", \"partition\": {\"column\": \"d\","
    "   \"max_days\": 31, \"default_days\": 7, \"enforce\": \"reject\"}},"
    "  {\"match\": \"main.sales.events\", \"partition\": {\"column\": \"d\","
    "   \"max_days\": 31, \"default_days\": 7, \"enforce\": \"inject\"}}],"
    " \"limit\": {\"default\": 100, \"max\": 100, \"enforce\": \"rewrite\"},"
    " \"inline_suppressions\": true}";

/* Faulty rules: each changes the tree the way a buggy rewrite could. */
static void drop_where(check_ctx *ctx)
{
    json_t *sel = ast_get(ctx->stmt->node, "SelectStmt");
    if (!ast_get(sel, "whereClause"))
        return;
    ast_defer_delete(ast_get(sel, "whereClause"));
    json_object_del(sel, "whereClause");
    ctx->modified = 1;
}

static void raise_limit(check_ctx *ctx)
{
    ast_set_limit(ast_get(ctx->stmt->node, "SelectStmt"), 1000000);
    ctx->modified = 1;
    ctx->analysis_kept = 1;
}

/* Not faulty: sets the LIMIT limit-cap would set anyway. */
static void same_limit(check_ctx *ctx)
{
    ast_set_limit(ast_get(ctx->stmt->node, "SelectStmt"), 100);
    ctx->modified = 1;
    ctx->analysis_kept = 1;
}

/* Faulty: a guard that edits even when told to judge only. */
static void always_edits(check_ctx *ctx)
{
    ast_set_limit(ast_get(ctx->stmt->node, "SelectStmt"), 50);
    ctx->modified = 1;
    ctx->analysis_kept = 1;
}

/* A guard that only counts its runs. */
static int counted;
static void count_runs(check_ctx *ctx)
{
    (void)ctx;
    counted++;
}

static rule_def rows[32];
static size_t nrows;

/* The real table with extra placed at position at (at == -1: the end). */
static void table_with(rule_def extra, int at)
{
    size_t pos = at < 0 ? rule_nrows : (size_t)at;
    memcpy(rows, rule_rows, pos * sizeof *rows);
    rows[pos] = extra;
    memcpy(rows + pos + 1, rule_rows + pos, (rule_nrows - pos) * sizeof *rows);
    nrows = rule_nrows + 1;
}

static rule_def rewrite_row(const char *name, void (*run)(check_ctx *))
{
    rule_def r = {RULE_BROADCAST_HINT, name, RULE_STAGE_REWRITE, RULE_ON_SELECT, 0, 0, 0, NULL,
                  "test", "test", run, NULL, NULL, NULL};
    return r;
}

static char out[4096];

/* The action, then each diagnostic as "severity rule line:col message". */
static const char *process(const char *sql)
{
    char *err = NULL;
    sl_engine *e = sl_engine_new(RULES, strlen(RULES), "test", &err);
    ck_assert_msg(e != NULL, "%s", err ? err : "");
    if (nrows)
        engine_use_rule_rows(e, rows, nrows);
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = strlen(sql);
    r.now = "2026-11-24 12:00:00";
    sl_result *res = sl_process(e, &r);
    size_t used = (size_t)snprintf(out, sizeof out, "%s", sl_action_name(sl_result_action(res)));
    for (size_t i = 0; i < sl_result_diagnostic_count(res); i++) {
        const sl_diagnostic *d = sl_result_diagnostic(res, i);
        used += (size_t)snprintf(out + used, sizeof out - used, "\n%s %s %u:%u %s",
                                 sl_severity_name(d->severity), d->rule, d->line, d->column,
                                 d->message);
    }
    sl_result_free(res);
    sl_engine_free(e);
    return out;
}

static void no_extra_rows(void)
{
    nrows = 0;
    counted = 0;
}

START_TEST(a_rule_that_drops_a_partition_filter_is_caught)
{
    table_with(rewrite_row("test-drop-where", drop_where), -1);
    ck_assert_str_eq(process("SELECT a FROM main.sales.transactions WHERE d >= DATE '2026-11-20' "
                             "LIMIT 10"),
                     "reject\n"
                     "error partition-filter 1:15 internal error: the rewritten statement breaks "
                     "this rule: main.sales.transactions is scanned without a lower bound on its "
                     "partition column d; add a filter such as WHERE d >= current_date() - "
                     "INTERVAL 7 DAYS (the tree was last changed by test-drop-where); refusing it");
    /* Where the policy would inject, the re-check does not inject again
     * behind the faulty rule: it rejects. */
    ck_assert_str_eq(process("SELECT a FROM main.sales.events WHERE d >= DATE '2026-11-20' "
                             "LIMIT 10"),
                     "reject\n"
                     "error partition-filter 1:15 internal error: the rewritten statement breaks "
                     "this rule: main.sales.events is scanned without a lower bound on its "
                     "partition column d; sluice does not add the default window inside the "
                     "rewritten statement: add a filter such as WHERE d >= current_date() - "
                     "INTERVAL 7 DAYS to its query (the tree was last changed by "
                     "test-drop-where); refusing it");
    /* Before partition-filter, the same fault is judged by its ordinary
     * run: an ordinary finding, no re-check needed. */
    table_with(rewrite_row("test-drop-where", drop_where), 3);
    ck_assert_str_eq(process("SELECT a FROM main.sales.transactions WHERE d >= DATE '2026-11-20' "
                             "LIMIT 10"),
                     "reject\n"
                     "error partition-filter 1:15 main.sales.transactions is scanned without a "
                     "lower bound on its partition column d; add a filter such as WHERE d >= "
                     "current_date() - INTERVAL 7 DAYS");
    no_extra_rows();
}
END_TEST

START_TEST(a_rule_that_raises_a_limit_beyond_the_cap_is_caught)
{
    table_with(rewrite_row("test-raise-limit", raise_limit), -1);
    ck_assert_str_eq(process("SELECT a FROM main.sales.other"),
                     "reject\n"
                     "info limit-cap 1:1 the query has no LIMIT; LIMIT 100 applied\n"
                     "error limit-cap 1:1 internal error: the rewritten statement breaks this "
                     "rule: LIMIT 1000000 is above the maximum of 100 rows; sluice does not "
                     "change the LIMIT of the rewritten statement: add LIMIT 100 or less (the "
                     "tree was last changed by test-raise-limit); refusing it");
    ck_assert_str_eq(process("SELECT a FROM main.sales.other LIMIT 5"),
                     "reject\n"
                     "error limit-cap 1:1 internal error: the rewritten statement breaks this "
                     "rule: LIMIT 1000000 is above the maximum of 100 rows; sluice does not "
                     "change the LIMIT of the rewritten statement: add LIMIT 100 or less (the "
                     "tree was last changed by test-raise-limit); refusing it");
    /* Switched off by a comment, limit-cap neither runs nor re-checks. */
    ck_assert_str_eq(process("SELECT a FROM main.sales.other LIMIT 5 -- sluice: allow limit-cap"),
                     "rewrite");
    no_extra_rows();
}
END_TEST

/* A guard that would change the final tree again breaks the re-check
 * too: its output was not final. */
START_TEST(a_guard_that_would_edit_again_is_caught)
{
    rule_def r = rewrite_row("test-always-edits", always_edits);
    r.guard = 1;
    table_with(r, 0);
    ck_assert_str_eq(process("SELECT a FROM main.sales.events"),
                     "reject\n"
                     "info partition-filter 1:15 main.sales.events is scanned without a lower "
                     "bound on its partition column d; added events.d >= current_date() - "
                     "INTERVAL 7 DAYS\n"
                     "error broadcast-hint 1:1 internal error: the rewritten statement breaks "
                     "this rule: test-always-edits would change it again (the tree was last "
                     "changed by partition-filter); refusing it");
    no_extra_rows();
}
END_TEST

START_TEST(a_passing_rewrite_gets_no_second_diagnostic)
{
    table_with(rewrite_row("test-same-limit", same_limit), -1);
    ck_assert_str_eq(process("SELECT a FROM main.sales.other"),
                     "rewrite\ninfo limit-cap 1:1 the query has no LIMIT; LIMIT 100 applied");
    ck_assert_str_eq(process("SELECT a FROM main.sales.events"),
                     "rewrite\n"
                     "info limit-cap 1:1 the query has no LIMIT; LIMIT 100 applied\n"
                     "info partition-filter 1:15 main.sales.events is scanned without a lower "
                     "bound on its partition column d; added events.d >= current_date() - "
                     "INTERVAL 7 DAYS");
    no_extra_rows();
}
END_TEST

/* The re-check runs a guard again only when a rule after it changed
 * the tree. */
START_TEST(guards_rerun_only_after_a_later_change)
{
    rule_def guard = {RULE_STATEMENT_KIND, "test-count", RULE_STAGE_JUDGE, RULE_ON_SELECT, 1, 0,
                      0, NULL, "test", "test", count_runs, NULL, NULL, NULL};
    table_with(guard, 0);
    counted = 0;
    ck_assert_str_eq(process("SELECT a FROM main.sales.other LIMIT 5"), "pass");
    ck_assert_int_eq(counted, 1);
    counted = 0;
    ck_assert_str_eq(process("SELECT a FROM main.sales.other"),
                     "rewrite\ninfo limit-cap 1:1 the query has no LIMIT; LIMIT 100 applied");
    ck_assert_int_eq(counted, 2);
    /* After every rewrite row, it judges the final tree the first time. */
    table_with(guard, -1);
    counted = 0;
    ck_assert_str_eq(process("SELECT a FROM main.sales.other"),
                     "rewrite\ninfo limit-cap 1:1 the query has no LIMIT; LIMIT 100 applied");
    ck_assert_int_eq(counted, 1);
    /* Not on the query inside CREATE TABLE ... AS (RULE_ON_SELECT only). */
    counted = 0;
    ck_assert_str_eq(process("CREATE TABLE x AS SELECT a FROM main.sales.other"),
                     "reject\nerror statement-kind 1:1 CREATE statements (kind ctas) are not "
                     "allowed here; only read-only queries may run");
    ck_assert_int_eq(counted, 0);
    no_extra_rows();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rule_table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, every_id_has_one_row);
    tcase_add_test(tc, rows_are_in_stage_order);
    tcase_add_test(tc, suppression_facts_come_from_the_table);
    tcase_add_test(tc, modes_are_the_rows_modes);
    suite_add_tcase(s, tc);
    TCase *td = tcase_create("driver");
    tcase_add_test(td, replaced_nodes_live_until_the_deferral_closes);
    tcase_add_test(td, a_rule_that_drops_a_partition_filter_is_caught);
    tcase_add_test(td, a_rule_that_raises_a_limit_beyond_the_cap_is_caught);
    tcase_add_test(td, a_guard_that_would_edit_again_is_caught);
    tcase_add_test(td, a_passing_rewrite_gets_no_second_diagnostic);
    tcase_add_test(td, guards_rerun_only_after_a_later_change);
    suite_add_tcase(s, td);
    return check_run(s, CK_FORK);
}
