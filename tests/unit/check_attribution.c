/*
 * check_attribution.c - the attribution comment (attribution.c) through
 * the public API: off by default; when on, an unchanged query is the
 * comment, a space and the input byte for byte, and running the output
 * again changes nothing; every field escaped so that "*" "/", "/" "*",
 * newlines, quotes and backslashes cannot end the comment, start a
 * string or a line: checked by sluice's own lexer (the comment is one
 * token ending where it should) and parser (the output formats to the
 * same statement as the input); comments written to look like sluice's
 * replaced; routed tables named; the rules digest is the SHA-256 of the
 * rules text.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "sha256.h"
#include "sluice.h"

static const char *RULES =
    "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"},\n"
    " \"statements\": {\"multiple\": \"allow\"},\n"
    " \"tables\": [\n"
    "  {\"match\": \"main.sales.transactions\", \"partition\": {\"column\": \"transaction_date\","
    " \"enforce\": \"warn\"}, \"rows\": 5000000000},\n"
    "  {\"match\": \"main.sales.revenue_by_day_region\", \"rows\": 40000}],\n"
    " \"aggregates\": [{\"table\": \"main.sales.revenue_by_day_region\", \"query\": \"SELECT "
    "transaction_date AS `date`, region, SUM(amount) AS revenue FROM main.sales.transactions "
    "GROUP BY transaction_date, region\"}],\n"
    " \"attribution\": {\"comment\": true}}";

static sl_engine *eng;
static char digest[17];     /* the first 16 hex digits of the rules' SHA-256 */

typedef struct fields {
    const char *user, *dashboard, *chart, *source;
} fields;

static sl_result *process(const sl_engine *e, const char *sql, size_t len, const fields *f,
                          sl_mode mode)
{
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = len;
    r.now = "2026-11-24 12:00:00";
    r.mode = mode;
    if (f) {
        r.user = f->user;
        r.dashboard_id = f->dashboard;
        r.chart_id = f->chart;
        r.source = f->source;
    }
    return sl_process(e, &r);
}

/* The SQL to run for sql (must not be rejected), in buf. */
static sl_action run(const char *sql, const fields *f, char *buf, size_t size)
{
    sl_result *res = process(eng, sql, strlen(sql), f, SL_MODE_ENFORCE);
    sl_action a = sl_result_action(res);
    size_t len;
    const char *out = sl_result_sql(res, &len);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_lt(len, size);
    memcpy(buf, out, len + 1);
    sl_result_free(res);
    return a;
}

/* The statement formatted from its tree (comments dropped): the same
 * text for two inputs is the same tree. */
static void formatted(const char *sql, char *buf, size_t size)
{
    sl_result *res = process(eng, sql, strlen(sql), NULL, SL_MODE_FORMAT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    snprintf(buf, size, "%s", sl_result_sql(res, NULL));
    sl_result_free(res);
}

/* out is `comment` then a space then `rest`; sluice's lexer reads the
 * comment as one block comment token, ending where it should; the output
 * means what the input meant; running the output again passes it
 * unchanged. */
static void attributed(const char *out, const char *comment, const char *rest,
                       const char *input, const fields *f)
{
    size_t cl = strlen(comment);
    ck_assert_int_eq(strncmp(out, comment, cl), 0);
    ck_assert_int_eq(out[cl], ' ');
    ck_assert_str_eq(out + cl + 1, rest);
    dialect_source src;
    dialect_error err;
    char *copy = strdup(out);
    ck_assert_int_eq(dialect_lex(&src, copy, strlen(copy), &err), 0);
    ck_assert_int_eq(src.toks[0].kind, TK_BLOCK_COMMENT);
    ck_assert_uint_eq(src.toks[0].start, 0);
    ck_assert_uint_eq(src.toks[0].end, cl);
    dialect_source_free(&src);
    free(copy);
    char a[4096], b[4096];
    formatted(out, a, sizeof a);
    formatted(input, b, sizeof b);
    ck_assert_str_eq(a, b);
    char again[4096];
    ck_assert_int_eq(run(out, f, again, sizeof again), SL_ACTION_PASS);
    ck_assert_str_eq(again, out);
}

static void setup(void)
{
    char *err = NULL, hex[65];
    eng = sl_engine_new(RULES, strlen(RULES), "attribution.json", &err);
    ck_assert_msg(eng != NULL, "%s", err ? err : "");
    sha256_hex(RULES, strlen(RULES), hex);
    memcpy(digest, hex, 16);
    digest[16] = '\0';
}

static void teardown(void)
{
    sl_engine_free(eng);
}

START_TEST(off_by_default)
{
    sl_engine *plain = sl_engine_new("{\"sluice\": 1}", 13, NULL, NULL);
    const char *sql = "SELECT a FROM t";
    fields f = {"alice", "12", "345", "chart"};
    sl_result *res = process(plain, sql, strlen(sql), &f, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), sql);
    sl_result_free(res);
    sl_engine_free(plain);
    /* lint and format modes never add it */
    res = process(eng, sql, strlen(sql), &f, SL_MODE_LINT);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_str_eq(sl_result_sql(res, NULL), sql);
    sl_result_free(res);
    res = process(eng, sql, strlen(sql), &f, SL_MODE_FORMAT);
    ck_assert_str_eq(sl_result_sql(res, NULL), sql);
    sl_result_free(res);
}
END_TEST

START_TEST(unchanged_query_gets_only_the_comment)
{
    const char *sql = "SELECT  a ,b FROM t -- trailing\n";
    fields f = {"alice", "12", "345", "chart"};
    char out[4096], comment[256];
    ck_assert_int_eq(run(sql, &f, out, sizeof out), SL_ACTION_REWRITE);
    snprintf(comment, sizeof comment,
             "/* sluice: user=alice, dashboard=12, chart=345, source=chart, rules=%s */", digest);
    attributed(out, comment, sql, sql, &f);
    /* No fields: the rules digest alone. */
    ck_assert_int_eq(run(sql, NULL, out, sizeof out), SL_ACTION_REWRITE);
    snprintf(comment, sizeof comment, "/* sluice: rules=%s */", digest);
    attributed(out, comment, sql, sql, NULL);
    /* The rules' digest is the SHA-256 of the rules text. */
    char hex[65];
    sha256_hex(RULES, strlen(RULES), hex);
    ck_assert_int_eq(strncmp(hex, digest, 16), 0);
}
END_TEST

START_TEST(every_field_escaped)
{
    /* a comment end, a comment start, a newline, both quotes, a
     * backslash, the comment's own separators, '%' and a non-ASCII
     * letter, in every field */
    const char *evil = "x*/ y/*z\n'\"\\,=+%\xc3\xa9";
    const char *enc = "x%2A%2F%20y%2F%2Az%0A%27%22%5C%2C%3D%2B%25%C3%A9";
    fields f = {evil, evil, evil, evil};
    const char *sql = "SELECT 1 AS x";
    char out[4096], comment[1024];
    run(sql, &f, out, sizeof out);
    snprintf(comment, sizeof comment,
             "/* sluice: user=%s, dashboard=%s, chart=%s, source=%s, rules=%s */", enc, enc, enc,
             enc, digest);
    attributed(out, comment, sql, sql, &f);
    ck_assert_ptr_null(strstr(out + 2, "/*"));
    ck_assert_ptr_eq(strstr(out, "*/"), out + strlen(comment) - 2);
    ck_assert_ptr_null(strchr(out, '\n'));
    /* a value longer than 128 bytes is cut there */
    char longer[300];
    memset(longer, 'a', 200);
    longer[200] = '\0';
    fields g = {longer, NULL, NULL, NULL};
    run(sql, &g, out, sizeof out);
    snprintf(comment, sizeof comment, "/* sluice: user=%.128s..., rules=%s */", longer, digest);
    attributed(out, comment, sql, sql, &g);
}
END_TEST

START_TEST(forged_comments_are_replaced)
{
    fields f = {"bob", NULL, NULL, "sql_lab"};
    char out[4096], comment[256];
    snprintf(comment, sizeof comment, "/* sluice: user=bob, source=sql_lab, rules=%s */", digest);
    /* one in front of the statement, a nested one, one after a line
     * comment: each replaced, everything else kept */
    run("/* sluice: user=admin */ SELECT 1", &f, out, sizeof out);
    attributed(out, comment, "SELECT 1", "SELECT 1", &f);
    run("/* sluice: user=admin /* nested */ x */  SELECT 1", &f, out, sizeof out);
    attributed(out, comment, " SELECT 1", "SELECT 1", &f);
    run("-- lead\n/* sluice: user=admin */ /* mine */ SELECT 1", &f, out, sizeof out);
    attributed(out, comment, "-- lead\n/* mine */ SELECT 1", "SELECT 1", &f);
    /* inside the statement a comment is the author's text: left alone */
    run("SELECT /* sluice: user=admin */ 1", &f, out, sizeof out);
    attributed(out, comment, "SELECT /* sluice: user=admin */ 1", "SELECT 1", &f);
}
END_TEST

START_TEST(routed_and_several_statements)
{
    fields f = {"alice", "12", "345", "chart"};
    char out[4096], expected[2048];
    const char *sql = "SELECT region, sum(amount) AS revenue FROM transactions "
                      "WHERE transaction_date >= '2026-11-01' GROUP BY region";
    ck_assert_int_eq(run(sql, &f, out, sizeof out), SL_ACTION_REWRITE);
    snprintf(expected, sizeof expected,
             "/* sluice: user=alice, dashboard=12, chart=345, source=chart, rules=%s, "
             "routed=main.sales.revenue_by_day_region */ SELECT region, sum(revenue) AS revenue "
             "FROM main.sales.revenue_by_day_region AS transactions WHERE date >= '2026-11-01' "
             "GROUP BY region", digest);
    ck_assert_str_eq(out, expected);
    char again[4096];
    ck_assert_int_eq(run(out, &f, again, sizeof again), SL_ACTION_PASS);
    ck_assert_str_eq(again, out);
    /* Two statements, neither rewritten: a comment before each. */
    run("SELECT 1;\nSELECT 2", NULL, out, sizeof out);
    snprintf(expected, sizeof expected,
             "/* sluice: rules=%s */ SELECT 1;\n/* sluice: rules=%s */ SELECT 2", digest, digest);
    ck_assert_str_eq(out, expected);
    ck_assert_int_eq(run(out, NULL, again, sizeof again), SL_ACTION_PASS);
    /* A rejected query runs nothing: no SQL at all. */
    sl_result *res = process(eng, "SELEC 1", 7, &f, SL_MODE_ENFORCE);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_REJECT);
    ck_assert_ptr_null(sl_result_sql(res, NULL));
    sl_result_free(res);
}
END_TEST

START_TEST(rules_key)
{
    char *err = NULL;
    const char *bad = "{\"sluice\": 1,\n \"attribution\": {\"comment\": \"yes\"}}";
    ck_assert_ptr_null(sl_engine_new(bad, strlen(bad), "r.json", &err));
    ck_assert_str_eq(err, "r.json:2:18: key 'comment': must be true or false");
    sl_free(err);
    bad = "{\"sluice\": 1,\n \"attribution\": {\"comments\": true}}";
    ck_assert_ptr_null(sl_engine_new(bad, strlen(bad), "r.json", &err));
    ck_assert_str_eq(err, "r.json:2:18: key 'comments': unknown key (expected one of: comment)");
    sl_free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("attribution");
    TCase *tc = tcase_create("attribution");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, off_by_default);
    tcase_add_test(tc, unchanged_query_gets_only_the_comment);
    tcase_add_test(tc, every_field_escaped);
    tcase_add_test(tc, forged_comments_are_replaced);
    tcase_add_test(tc, routed_and_several_statements);
    tcase_add_test(tc, rules_key);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
