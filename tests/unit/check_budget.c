/*
 * check_budget.c - the scan budget (scan_budget.c) through the public
 * API: the estimate sl_result_scan_bytes() gives, each figure computed
 * by hand beside it; how statements add up; the packed result's field;
 * the rules file's "budget" keys and their positioned errors; and the
 * rules digest (sha256.c) against FIPS 180-4's examples.
 */
#include "check_main.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "sluice.h"

/* transactions: 7.75 GB a day, 3.4 TB in all; customers: 50 GB; the
 * limit 200 GB (the sizes of corpus/budget/rules.json). */
static const char *RULES =
    "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"},\n"
    " \"tables\": [\n"
    "  {\"match\": \"main.sales.transactions\", \"partition\": {\"column\": \"transaction_date\","
    " \"enforce\": \"warn\"}, \"bytes\": 3400000000000, \"bytes_per_day\": 7750000000},\n"
    "  {\"match\": \"main.sales.customers\", \"bytes\": 50000000000}],\n"
    " \"budget\": {\"max_bytes\": 200000000000}}";

static sl_engine *eng;

static sl_result *process(const sl_engine *e, const char *sql, int explain)
{
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = strlen(sql);
    r.now = "2026-11-24 12:00:00";
    r.explain = explain;
    return sl_process(e, &r);
}

/* The estimate of sql, and the action in *action. */
static long long estimate(const char *sql, sl_action *action)
{
    sl_result *res = process(eng, sql, 0);
    long long n = sl_result_scan_bytes(res);
    if (action)
        *action = sl_result_action(res);
    sl_result_free(res);
    return n;
}

static void setup(void)
{
    char *err = NULL;
    eng = sl_engine_new(RULES, strlen(RULES), "budget.json", &err);
    ck_assert_msg(eng != NULL, "%s", err ? err : "");
}

static void teardown(void)
{
    sl_engine_free(eng);
}

START_TEST(estimates)
{
    sl_action a;
    /* [2026-11-04, 2026-11-24): 20 days x 7,750,000,000 */
    ck_assert_int_eq(estimate("SELECT * FROM transactions WHERE transaction_date >= "
                              "current_date() - INTERVAL 20 DAYS", &a), 155000000000LL);
    ck_assert_int_eq(a, SL_ACTION_PASS);
    /* 2025-10-21 .. 2026-11-24 inclusive: 400 days: 3.1 TB, over the limit */
    ck_assert_int_eq(estimate("SELECT * FROM transactions WHERE transaction_date BETWEEN "
                              "'2025-10-21' AND '2026-11-24'", &a), 3100000000000LL);
    ck_assert_int_eq(a, SL_ACTION_REJECT);
    /* no lower bound: the whole table */
    ck_assert_int_eq(estimate("SELECT * FROM transactions", &a), 3400000000000LL);
    /* 3 days + the whole of customers: 23,250,000,000 + 50,000,000,000 */
    ck_assert_int_eq(estimate("SELECT * FROM transactions t JOIN customers c ON t.c = c.id "
                              "WHERE t.transaction_date >= '2026-11-21'", &a), 73250000000LL);
    ck_assert_int_eq(a, SL_ACTION_PASS);
    /* an unsized table: unknown (the default budget.unsized, over_budget) */
    ck_assert_int_eq(estimate("SELECT * FROM main.sales.returns", &a), -1);
    ck_assert_int_eq(a, SL_ACTION_REJECT);
    /* no table */
    ck_assert_int_eq(estimate("SELECT 1", &a), 0);
}
END_TEST

START_TEST(the_message)
{
    sl_result *res = process(eng, "SELECT *\nFROM transactions WHERE transaction_date BETWEEN "
                                  "'2025-10-21' AND '2026-11-24'", 0);
    ck_assert_int_eq(sl_result_diagnostic_count(res), 1);
    const sl_diagnostic *d = sl_result_diagnostic(res, 0);
    ck_assert_str_eq(d->rule, "scan-budget");
    ck_assert_int_eq(d->severity, SL_SEVERITY_ERROR);
    ck_assert_str_eq(d->message, "~3.1 TB over 400 days of main.sales.transactions; the limit "
                                 "is 200 GB; narrow the time range");
    ck_assert_uint_eq(d->line, 2);
    ck_assert_uint_eq(d->column, 6);
    sl_result_free(res);
    /* Within the limit: a finding only when explaining. */
    res = process(eng, "SELECT * FROM customers", 0);
    ck_assert_int_eq(sl_result_diagnostic_count(res), 0);
    sl_result_free(res);
    res = process(eng, "SELECT * FROM customers", 1);
    ck_assert_int_eq(sl_result_diagnostic_count(res), 1);
    ck_assert_str_eq(sl_result_diagnostic(res, 0)->message,
                     "estimated scan ~50 GB: ~50 GB of main.sales.customers (the whole table); "
                     "within the limit of 200 GB");
    sl_result_free(res);
}
END_TEST

START_TEST(statements_add_up)
{
    const char *two = "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"s\"},"
                      " \"statements\": {\"multiple\": \"allow\"},"
                      " \"tables\": [{\"match\": \"main.s.a\", \"bytes\": 1000},"
                      " {\"match\": \"main.s.b\", \"bytes\": 20}], \"budget\": {}}";
    sl_engine *e = sl_engine_new(two, strlen(two), "two.json", NULL);
    ck_assert_ptr_nonnull(e);
    /* 1000 + 20 + 1000: no limit, so nothing is judged, only estimated */
    sl_result *res = process(e, "SELECT * FROM a; SELECT * FROM b JOIN a ON b.x = a.x", 0);
    ck_assert_int_eq(sl_result_action(res), SL_ACTION_PASS);
    ck_assert_int_eq(sl_result_scan_bytes(res), 2020);
    ck_assert_int_eq(sl_result_diagnostic_count(res), 0);
    sl_result_free(res);
    /* a statement sluice cannot read makes the whole unknown */
    res = process(e, "SELECT * FROM a; SELEC x", 0);
    ck_assert_int_eq(sl_result_scan_bytes(res), -1);
    sl_result_free(res);
    /* the packed result ends with the estimate (version 3) */
    sl_request r = SL_REQUEST_INIT;
    r.sql = "SELECT * FROM b";
    r.sql_len = strlen(r.sql);
    unsigned char buf[4096];
    size_t n = sl_process_packed(e, &r, buf, sizeof buf);
    ck_assert_uint_gt(n, 8);
    uint32_t version;
    int64_t scan;
    memcpy(&version, buf, sizeof version);
    memcpy(&scan, buf + n - sizeof scan, sizeof scan);
    ck_assert_uint_eq(version, SL_PACKED_VERSION);
    ck_assert_int_eq(scan, 20);
    sl_engine_free(e);
    /* no budget: not estimated */
    e = sl_engine_new(NULL, 0, NULL, NULL);
    res = process(e, "SELECT * FROM a", 0);
    ck_assert_int_eq(sl_result_scan_bytes(res), -1);
    sl_result_free(res);
    sl_engine_free(e);
}
END_TEST

static void refused(const char *rules, const char *expected)
{
    char *err = NULL;
    sl_engine *e = sl_engine_new(rules, strlen(rules), "r.json", &err);
    ck_assert_ptr_null(e);
    ck_assert_str_eq(err, expected);
    sl_free(err);
}

START_TEST(rules_keys)
{
    refused("{\"sluice\": 1,\n \"budget\": {\"max_bytes\": -1}}",
            "r.json:2:13: key 'max_bytes': must be an integer >= 0");
    refused("{\"sluice\": 1,\n \"budget\": {\"enforce\": \"inject\"}}",
            "r.json:2:13: key 'enforce': must be \"reject\" or \"warn\"");
    refused("{\"sluice\": 1,\n \"budget\": {\"unsized\": \"ignore\"}}",
            "r.json:2:13: key 'unsized': must be \"over_budget\" or \"zero\"");
    refused("{\"sluice\": 1,\n \"budget\": {\"max\": 1}}",
            "r.json:2:13: key 'max': unknown key (expected one of: max_bytes, enforce, unsized)");
    refused("{\"sluice\": 1,\n \"budget\": 5}", "r.json:2:2: key 'budget': must be an object");
    refused("{\"sluice\": 1, \"tables\": [\n {\"match\": \"a.b.c\", \"bytes_per_day\": 1.5}]}",
            "r.json:2:21: key 'bytes_per_day': must be an integer >= 0");
}
END_TEST

START_TEST(digest)
{
    char hex[65];
    /* FIPS 180-4's examples (and the empty string) */
    sha256_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* lengths around the padding boundary: 55, 56, 63, 64 bytes of 'a' */
    static const struct { size_t n; const char *hex; } as[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"}};
    char a[64];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof as / sizeof *as; i++) {
        sha256_hex(a, as[i].n, hex);
        ck_assert_str_eq(hex, as[i].hex);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("budget");
    TCase *tc = tcase_create("budget");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, estimates);
    tcase_add_test(tc, the_message);
    tcase_add_test(tc, statements_add_up);
    tcase_add_test(tc, rules_keys);
    tcase_add_test(tc, digest);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
