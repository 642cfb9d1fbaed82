/*
 * check_rules.c - the guardrail rules: date arithmetic (month ends, leap
 * days, timestamps vs dates), partition windows and how filters reach a
 * scan, LIMIT caps, statement kinds and suppressions.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "sluice.h"

static const char *RULES =
    "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"},"
    " \"tables\": ["
    "  {\"match\": \"main.sales.transactions\", \"partition\": {\"column\": \"transaction_date\","
    "   \"derived_from\": \"transaction_ts\", \"max_days\": 400, \"default_days\": 90, \"enforce\": \"reject\"}},"
    "  {\"match\": \"/^main\\\\.web\\\\..*_events$/\", \"partition\": {\"column\": \"event_date\","
    "   \"max_days\": 90, \"default_days\": 30, \"enforce\": \"inject\"}},"
    "  {\"match\": \"main.sales.orders\", \"partition\": {\"column\": \"d\", \"max_days\": 31,"
    "   \"enforce\": \"warn\"}}],"
    " \"limit\": {\"default\": 10000, \"max\": 100000, \"enforce\": \"rewrite\"}}";

static sl_engine *eng;
static char out[4096];

/* "PASS", "REJECT <rule>: <message>", or "REWRITE <sql>". */
static const char *run_mode(const char *sql, sl_mode mode)
{
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = strlen(sql);
    r.now = "2026-11-24 12:00:00";
    r.mode = mode;
    sl_result *res = sl_process(eng, &r);
    switch (sl_result_action(res)) {
    case SL_ACTION_PASS:
        snprintf(out, sizeof out, "PASS");
        break;
    case SL_ACTION_REWRITE:
        snprintf(out, sizeof out, "REWRITE %s", sl_result_sql(res, NULL));
        break;
    case SL_ACTION_REJECT: {
        const sl_diagnostic *d = NULL;
        for (size_t i = 0; i < sl_result_diagnostic_count(res); i++)
            if (sl_result_diagnostic(res, i)->severity == SL_SEVERITY_ERROR) {
                d = sl_result_diagnostic(res, i);
                break;
            }
        snprintf(out, sizeof out, "REJECT %s: %s", d ? d->rule : "?", d ? d->message : "?");
        break;
    }
    }
    sl_result_free(res);
    return out;
}

static const char *run(const char *sql)
{
    return run_mode(sql, SL_MODE_ENFORCE);
}

static void passes(const char *sql)
{
    ck_assert_msg(strcmp(run(sql), "PASS") == 0, "expected PASS for: %s\n got: %s", sql, out);
}

static void rejected(const char *sql)
{
    ck_assert_msg(strncmp(run(sql), "REJECT partition-filter", 23) == 0,
                  "expected a partition-filter rejection for: %s\n got: %s", sql, out);
}

START_TEST(date_arithmetic)
{
    long d, s;
    ck_assert_int_eq(dates_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(dates_from_civil(2000, 3, 1) - dates_from_civil(2000, 2, 28), 2);   /* leap */
    ck_assert_int_eq(dates_from_civil(1900, 3, 1) - dates_from_civil(1900, 2, 28), 1);   /* not leap */
    ck_assert_int_eq(dates_add_months(dates_from_civil(2024, 1, 31), 1), dates_from_civil(2024, 2, 29));
    ck_assert_int_eq(dates_add_months(dates_from_civil(2023, 1, 31), 1), dates_from_civil(2023, 2, 28));
    ck_assert_int_eq(dates_add_months(dates_from_civil(2024, 3, 31), -1), dates_from_civil(2024, 2, 29));
    ck_assert_int_eq(dates_add_months(dates_from_civil(2024, 2, 29), 12), dates_from_civil(2025, 2, 28));
    ck_assert_int_eq(dates_add_months(dates_from_civil(2026, 1, 15), -13), dates_from_civil(2024, 12, 15));
    ck_assert_int_eq(dates_parse("2024-02-29", &d, &s), 0);
    ck_assert_int_eq(d, dates_from_civil(2024, 2, 29));
    ck_assert_int_eq(dates_parse("2023-02-29", &d, &s), -1);
    ck_assert_int_eq(dates_parse("2026-11-01 13:45:10.000000", &d, &s), 0);
    ck_assert_int_eq(s, 13 * 3600 + 45 * 60 + 10);
    ck_assert_int_eq(dates_parse("2026-11-01T00:00:00Z", &d, &s), 0);
    ck_assert_int_eq(dates_parse("2026-13-01", &d, &s), -1);
    ck_assert_int_eq(dates_parse("yesterday", &d, &s), -1);
    long nov24 = dates_from_civil(2026, 11, 24);    /* a Tuesday */
    ck_assert_int_eq(dates_trunc(nov24, DATES_WEEK), dates_from_civil(2026, 11, 23));
    ck_assert_int_eq(dates_trunc(nov24, DATES_QUARTER), dates_from_civil(2026, 10, 1));
    ck_assert_int_eq(dates_next(dates_from_civil(2026, 11, 1), DATES_QUARTER),
                     dates_from_civil(2027, 2, 1));
    ck_assert_int_eq(dates_next(dates_trunc(nov24, DATES_YEAR), DATES_YEAR),
                     dates_from_civil(2027, 1, 1));
}
END_TEST

/* Spark's string-to-DATE and string-to-TIMESTAMP casts
 * (SparkDateTimeUtils.stringToDate, parseTimestampString): what they
 * read, to the microsecond, and what sluice leaves unknown. */
START_TEST(spark_string_casts)
{
    const struct { const char *s; long long us; } ts[] = {
        {"2026-11-01", 0},
        {"2026-11-01 00:00:00.5", 500000},
        {"2026-11-01 00:00:00.000250", 250},
        {"2026-11-01T00:00:00.000001", 1},
        {"2026-11-01 00:00:00.0000009", 0},        /* the seventh digit is dropped */
        {"2026-11-01 00:00:00.", 0},
        {" 2026-11-01 13:45:10.25\n", ((13 * 3600 + 45 * 60 + 10) * 1000000LL) + 250000},
        {"2026-11-01 7", 7 * 3600 * 1000000LL},
        {"2026-11-01 7:5", (7 * 3600 + 5 * 60) * 1000000LL},
        {"2026-11-1 0:0:1", 1000000},
        {"2026-11", 0},
        {"2026", -(long long)(dates_from_civil(2026, 11, 1) - dates_from_civil(2026, 1, 1)) *
                 DATES_US_PER_DAY},
    };
    long long base = (long long)dates_from_civil(2026, 11, 1) * DATES_US_PER_DAY, us;
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
        ck_assert_msg(dates_spark_timestamp(ts[i].s, &us) == 0, "%s", ts[i].s);
        ck_assert_msg(us == base + ts[i].us, "%s: %lld", ts[i].s, us - base);
    }
    /* Unknown: a zone (its offset from the session's is not known), a time
     * without a date, what Spark refuses, what sluice does not read. */
    static const char *const not_ts[] = {
        "2026-11-01T00:00:00Z", "2026-11-01 00:00:00+02:00", "2026-11-01 00:00:00.5 UTC",
        "2026-11-01 00:00:00 Europe/Paris", "10:00:00", "T10:00:00", "2026-11-01T",
        "2026-11-01 24:00:00", "2026-11-01 10:60", "2026-11-01 10:00:60", "2026-02-29",
        "2026-11-01  10:00", "2026-11 10:00", "+2026-11-01", "12026-11-01", "26-11-01",
        "2026-11-01 10:00:00:00", "", "yesterday"};
    for (size_t i = 0; i < sizeof not_ts / sizeof *not_ts; i++)
        ck_assert_msg(dates_spark_timestamp(not_ts[i], &us) == -1, "%s", not_ts[i]);
    long d;
    static const char *const dates[] = {"2026-11-01", "2026-11-01 anything", "2026-11-01T10",
                                        " 2026-11-1 ", "2026-11-01 00:00:00+02:00"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        ck_assert_msg(dates_spark_date(dates[i], &d) == 0, "%s", dates[i]);
        ck_assert_int_eq(d, dates_from_civil(2026, 11, 1));
    }
    ck_assert_int_eq(dates_spark_date("2026-11", &d), 0);
    ck_assert_int_eq(d, dates_from_civil(2026, 11, 1));
    static const char *const not_dates[] = {"2026-11 x", "2026-11-01x", "2026-11-31", "2026/11/01"};
    for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++)
        ck_assert_msg(dates_spark_date(not_dates[i], &d) == -1, "%s", not_dates[i]);
    ck_assert_int_eq(dates_day_of_us(-1), -1);
    ck_assert_int_eq(dates_day_of_us(0), 0);
    ck_assert_int_eq(dates_day_of_us(DATES_US_PER_DAY - 1), 0);
}
END_TEST

START_TEST(windows)
{
    /* 400 days is the maximum: a closed range of 400 passes, 401 not. */
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= DATE '2025-01-01' "
           "AND transaction_date < DATE '2026-02-05'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= DATE '2025-01-01' "
             "AND transaction_date < DATE '2026-02-06'");
    /* A fraction of a second past midnight reaches into that day. */
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= DATE '2025-01-01' "
             "AND transaction_date < TIMESTAMP '2026-02-05 00:00:00.000001'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= DATE '2025-01-01' "
             "AND CAST('2026-02-05 00:00:00.5' AS TIMESTAMP) > transaction_date");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= DATE '2025-01-01' "
           "AND transaction_date < TIMESTAMP '2026-02-05 00:00:00.0000009'");
    /* A zone makes a bound unknown: no bound. */
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= '2026-01-01T00:00:00Z'");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= '2026-01-01T00:00:00'");
    /* BETWEEN and <= include their upper day. */
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date BETWEEN '2025-01-01' AND '2026-02-04'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date BETWEEN '2025-01-01' AND '2026-02-05'");
    /* Open upper bound: up to today. */
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= current_date() - INTERVAL 400 DAYS");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= current_date() - INTERVAL 401 DAYS");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date > add_months(current_date(), -13)");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date > add_months(current_date(), -14)");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= date_sub(current_date(), 30)");
    /* Timestamps, on the generating column. */
    passes("SELECT sum(amount) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL 12 HOURS");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP) "
           "AND transaction_ts < CAST('2026-11-08 00:00:00.000000' AS TIMESTAMP)");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date IN ('2026-01-01', DATE '2026-02-01')");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date = to_date('2026-01-01')");
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date >= date_trunc('month', current_date())");
    /* Unbounded forms. */
    rejected("SELECT sum(amount) FROM transactions");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date < DATE '2026-01-01'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date >= '2026-01-01' OR 1 = 1");
    rejected("SELECT sum(amount) FROM transactions WHERE NOT transaction_date < '2026-01-01'");
    rejected("SELECT sum(amount) FROM transactions WHERE date_trunc('day', transaction_date) >= '2026-01-01'");
    rejected("SELECT sum(amount) FROM transactions WHERE CAST(transaction_date AS STRING) LIKE '2026%'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date IS NOT NULL");
    /* OR qualifies when every branch does: the hull is the window. */
    passes("SELECT sum(amount) FROM transactions WHERE transaction_date = '2026-01-01' "
           "OR transaction_date BETWEEN '2026-03-01' AND '2026-03-31'");
    rejected("SELECT sum(amount) FROM transactions WHERE transaction_date = '2020-01-01' "
             "OR transaction_date = '2026-03-01'");
}
END_TEST

/* Qualified intervals, make_date and empty windows ("now" is 2026-11-24). */
START_TEST(interval_forms_and_empty_windows)
{
    /* 1 year 1 month back is 396 days; 1 year 2 months is 426. */
    passes("SELECT count(*) FROM transactions WHERE transaction_date >= current_date() - INTERVAL '1-1' YEAR TO MONTH");
    rejected("SELECT count(*) FROM transactions WHERE transaction_date >= current_date() - INTERVAL '1-2' YEAR TO MONTH");
    /* A leading sign applies to every field: minus a negative interval is the future. */
    rejected("SELECT count(*) FROM transactions WHERE transaction_date >= current_date() + INTERVAL '-1-2' YEAR TO MONTH");
    passes("SELECT count(*) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL '399 23:59:59' DAY TO SECOND");
    rejected("SELECT count(*) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL '400 12:00:01' DAY TO SECOND");
    passes("SELECT count(*) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL '9 12' DAY TO HOUR");
    passes("SELECT count(*) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL '100:30' HOUR TO MINUTE");
    passes("SELECT count(*) FROM transactions WHERE transaction_ts >= current_timestamp() - INTERVAL '30' DAY");
    /* Malformed text bounds nothing (never a guess). */
    rejected("SELECT count(*) FROM transactions WHERE transaction_date >= current_date() - INTERVAL '1 2' YEAR TO MONTH");
    passes("SELECT count(*) FROM transactions WHERE transaction_date >= make_date(2025, 11, 1)");
    rejected("SELECT count(*) FROM transactions WHERE transaction_date >= make_date(2025, 10, 1)");
    rejected("SELECT count(*) FROM transactions WHERE transaction_date >= make_date(2026, 2, 30)");
    /* A window whose start is after its end is empty: bounded. */
    passes("SELECT count(*) FROM transactions WHERE transaction_date >= '2026-11-20' AND transaction_date < '2026-11-10'");
    ck_assert_str_eq(run("SELECT count(*) FROM page_events WHERE event_date >= '2026-01-01' "
                         "AND event_date < '2025-01-01' LIMIT 5"), "PASS");
    /* An empty window beside a missing lower bound is still unbounded. */
    rejected("SELECT count(*) FROM transactions WHERE transaction_date < '2026-11-10' AND transaction_date < '2020-01-01'");
}
END_TEST

START_TEST(having_using_and_identifier)
{
    passes("SELECT transaction_date, sum(amount) FROM transactions GROUP BY transaction_date "
           "HAVING transaction_date >= '2026-11-01' LIMIT 5");
    passes("SELECT transaction_date, sum(amount) FROM transactions GROUP BY 1 "
           "HAVING transaction_date >= '2026-11-01' LIMIT 5");
    rejected("SELECT region, sum(amount) FROM transactions GROUP BY region "
             "HAVING transaction_date >= '2026-11-01' LIMIT 5");
    rejected("SELECT transaction_date, sum(amount) FROM transactions GROUP BY CUBE (transaction_date) "
             "HAVING transaction_date >= '2026-11-01' LIMIT 5");
    rejected("SELECT transaction_date, count(*) FROM transactions GROUP BY transaction_date "
             "HAVING NOT (transaction_date < '2026-11-01')");
    passes("SELECT count(*) FROM transactions a JOIN transactions b USING (transaction_date) "
           "WHERE b.transaction_date >= '2026-11-01'");
    passes("SELECT count(*) FROM transactions a RIGHT JOIN transactions b USING (transaction_date) "
           "WHERE b.transaction_date >= '2026-11-01'");
    rejected("SELECT count(*) FROM transactions a LEFT JOIN transactions b USING (transaction_date) "
             "WHERE b.transaction_date >= '2026-11-01'");
    /* FULL JOIN: USING carries no window either way. */
    rejected("SELECT count(*) FROM transactions a FULL JOIN transactions b USING (transaction_date) "
             "WHERE a.transaction_date >= '2026-11-01'");
    rejected("SELECT count(*) FROM IDENTIFIER('transactions')");
    rejected("SELECT count(*) FROM IDENTIFIER('main.sales.' || 'transactions')");
    passes("SELECT count(*) FROM IDENTIFIER('sales.transactions') t WHERE t.transaction_date >= '2026-11-01'");
    /* A table name that merely looks like the clause is a table. */
    passes("SELECT 1 FROM identifier LIMIT 5");
}
END_TEST

START_TEST(reaching_a_scan)
{
    /* Superset's time filter outside the virtual dataset. */
    passes("SELECT region, sum(amount) AS `SUM(amount)` FROM (SELECT * FROM main.sales.transactions) "
           "AS virtual_table WHERE transaction_date >= CAST('2026-11-01' AS DATE) GROUP BY region LIMIT 100");
    passes("SELECT count(*) FROM (SELECT transaction_date AS d FROM transactions) v WHERE d >= '2026-11-01'");
    passes("SELECT count(*) FROM (SELECT transaction_date, sum(amount) s FROM transactions "
           "GROUP BY transaction_date) v WHERE transaction_date >= '2026-11-01'");
    rejected("SELECT count(*) FROM (SELECT region, sum(amount) s FROM transactions GROUP BY region) v "
             "WHERE region = 'EMEA'");
    rejected("SELECT count(*) FROM (SELECT * FROM transactions LIMIT 10) v "
             "WHERE transaction_date >= '2026-11-01'");
    rejected("SELECT count(*) FROM (SELECT *, row_number() OVER (PARTITION BY region ORDER BY amount) r "
             "FROM transactions) v WHERE transaction_date >= '2026-11-01'");
    /* CTEs: every reference must bring a window. */
    passes("WITH t AS (SELECT * FROM transactions) SELECT count(*) FROM t WHERE transaction_date > '2026-11-01'");
    rejected("WITH t AS (SELECT * FROM transactions) SELECT count(*) FROM t a JOIN t b ON a.id = b.id "
             "WHERE a.transaction_date > '2026-11-01'");
    /* A CTE shadows the real table of the same name. */
    passes("WITH transactions AS (SELECT 1 AS x) SELECT x FROM transactions LIMIT 5");
    /* Joins: inner ON counts; outer ON only for the null-supplying side. */
    passes("SELECT count(*) FROM products p JOIN transactions t ON t.product_id = p.id "
           "AND t.transaction_date >= '2026-11-01'");
    rejected("SELECT count(*) FROM transactions t LEFT JOIN products p ON t.product_id = p.id "
             "AND t.transaction_date >= '2026-11-01'");
    passes("SELECT count(*) FROM products p LEFT JOIN transactions t ON t.product_id = p.id "
           "AND t.transaction_date >= '2026-11-01'");
    passes("SELECT count(*) FROM products p LEFT JOIN transactions t ON t.product_id = p.id "
           "WHERE t.transaction_date >= '2026-11-01'");
    /* Another alias of the same table does not count. */
    rejected("SELECT count(*) FROM transactions a JOIN transactions b ON a.id = b.id "
             "WHERE a.transaction_date >= '2026-11-01'");
    /* ... unless an equality carries the window across. */
    passes("SELECT count(*) FROM transactions a JOIN transactions b ON a.transaction_date = b.transaction_date "
           "WHERE a.transaction_date >= '2026-11-01'");
    /* Every branch and subquery is a scan of its own. */
    rejected("SELECT id FROM transactions WHERE transaction_date >= '2026-11-01' UNION ALL "
             "SELECT id FROM transactions");
    rejected("SELECT * FROM products WHERE id IN (SELECT product_id FROM transactions) LIMIT 5");
    passes("SELECT * FROM products WHERE EXISTS (SELECT 1 FROM transactions t WHERE t.product_id = products.id "
           "AND t.transaction_date >= current_date() - INTERVAL 7 DAYS) LIMIT 5");
    /* Names resolve case-insensitively, with the defaults. */
    rejected("SELECT count(*) FROM `MAIN`.Sales.TRANSACTIONS");
    passes("SELECT count(*) FROM Main.Sales.Transactions WHERE Transaction_Date >= '2026-11-01'");
}
END_TEST

START_TEST(inject_and_warn)
{
    ck_assert_str_eq(run("SELECT page FROM main.web.page_events LIMIT 10"),
                     "REWRITE SELECT page FROM main.web.page_events WHERE page_events.event_date >= "
                     "current_date() - INTERVAL 30 DAYS LIMIT 10");
    ck_assert_str_eq(run("SELECT e.page FROM main.sales.products p LEFT JOIN main.web.click_events e "
                         "ON e.pid = p.id LIMIT 10"),
                     "REWRITE SELECT e.page FROM main.sales.products AS p LEFT JOIN main.web.click_events "
                     "AS e ON e.pid = p.id AND e.event_date >= current_date() - INTERVAL 30 DAYS LIMIT 10");
    ck_assert_str_eq(run("SELECT count(*) FROM (SELECT page FROM main.web.page_events WHERE page = 'x') v"),
                     "REWRITE SELECT count(*) FROM (SELECT page FROM main.web.page_events WHERE page = 'x' "
                     "AND page_events.event_date >= current_date() - INTERVAL 30 DAYS) AS v");
    /* warn: the query runs, with a warning. */
    ck_assert_str_eq(run("SELECT d FROM orders LIMIT 3"), "PASS");
}
END_TEST

START_TEST(limits)
{
    ck_assert_str_eq(run("SELECT id FROM products"), "REWRITE SELECT id FROM products LIMIT 10000");
    ck_assert_str_eq(run("SELECT id FROM products ORDER BY id DESC LIMIT 500000 OFFSET 5"),
                     "REWRITE SELECT id FROM products ORDER BY id DESC LIMIT 100000 OFFSET 5");
    ck_assert_str_eq(run("SELECT id FROM products LIMIT ALL"), "REWRITE SELECT id FROM products LIMIT 100000");
    ck_assert_str_eq(run("SELECT id FROM products LIMIT 2 + 2"), "REWRITE SELECT id FROM products LIMIT 100000");
    ck_assert_str_eq(run("SELECT id FROM products UNION SELECT id FROM products2"),
                     "REWRITE SELECT id FROM products UNION SELECT id FROM products2 LIMIT 10000");
    ck_assert_str_eq(run("SELECT * FROM (SELECT id FROM products LIMIT 5) s"),
                     "REWRITE SELECT * FROM (SELECT id FROM products LIMIT 5) AS s LIMIT 10000");
    ck_assert_str_eq(run("SELECT count(*) FROM products"), "PASS");
    ck_assert_str_eq(run("SELECT 1"), "PASS");
    ck_assert_str_eq(run("SELECT id FROM products LIMIT 100000"), "PASS");
}
END_TEST

START_TEST(statement_kinds_and_suppression)
{
    ck_assert_str_eq(run("DELETE FROM products"),
                     "REJECT statement-kind: DELETE statements (kind delete) are not allowed here; "
                     "only read-only queries may run");
    ck_assert_str_eq(run("SELECT 1; SELECT 2"),
                     "REJECT statement-kind: 2 statements in one request; only one is allowed");
    ck_assert_str_eq(run("SELECT * INTO t2 FROM products"),
                     "REJECT statement-kind: SELECT ... INTO statements (kind ddl) are not "
                     "allowed here; only read-only queries may run");
    ck_assert_str_eq(run("SELECT id FROM products FOR UPDATE"),
                     "REJECT statement-kind: locking clauses (FOR UPDATE / FOR SHARE) are not allowed");
    /* A suppression comment works in lint, not inline (the rules say no). */
    const char *q = "-- sluice: allow limit-cap\nSELECT id FROM products";
    ck_assert_str_eq(run_mode(q, SL_MODE_LINT), "PASS");
    ck_assert_str_eq(run(q), "REWRITE SELECT id FROM products LIMIT 10000");
}
END_TEST

/* "ddl" allows CTAS and CVAS with the rest; "ctas" and "cvas" allow only
 * them; "show", "describe" and "use" are kinds of their own.  The table
 * rules hold for the query inside either way. */
static const char *run_with(const char *allow, const char *sql)
{
    char doc[512];
    snprintf(doc, sizeof doc, "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", "
             "\"schema\": \"sales\"}, \"tables\": [{\"match\": \"main.sales.transactions\", "
             "\"partition\": {\"column\": \"d\", \"max_days\": 30}}], "
             "\"statements\": {\"allow\": [%s]}}", allow);
    char *err = NULL;
    sl_engine *saved = eng;
    eng = sl_engine_new(doc, strlen(doc), "narrow", &err);
    ck_assert_msg(eng != NULL, "%s", err);
    run(sql);
    sl_engine_free(eng);
    eng = saved;
    return out;
}

/* Aggregates over a join (rules_aggregate.c read_join): what loads, and
 * each refusal with its message at its place in the query string. */
static const char *JOIN_TABLES =
    "{\"sluice\": 1, \"defaults\": {\"catalog\": \"main\", \"schema\": \"sales\"},"
    " \"tables\": [{\"match\": \"main.sales.transactions\", \"columns\": ["
    "   {\"name\": \"store_id\"}, {\"name\": \"amount\"}, {\"name\": \"region\"}]},"
    "  {\"match\": \"main.sales.stores\", \"columns\": [{\"name\": \"store_id\"},"
    "   {\"name\": \"city\"}], \"unique\": [[\"store_id\"]]},"
    "  {\"match\": \"main.sales.owners\", \"columns\": [{\"name\": \"store_id\"},"
    "   {\"name\": \"owner\"}]}],"
    " \"aggregates\": [{\"table\": \"main.sales.agg\", \"query\": \"%s\"}]}";

static char *join_aggregate_error(const char *query)
{
    char text[2048];
    snprintf(text, sizeof text, JOIN_TABLES, query);
    char *err = NULL;
    sl_engine *e = sl_engine_new(text, strlen(text), "r.json", &err);
    sl_engine_free(e);
    return err;
}

START_TEST(aggregates_over_joins)
{
    static const struct { const char *query, *error; } cases[] = {
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.stores AS s ON t.store_id = s.store_id GROUP BY s.city", NULL},
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "LEFT JOIN main.sales.stores AS s ON s.store_id = t.store_id GROUP BY s.city", NULL},
        {"SELECT city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.stores AS s ON t.store_id = s.store_id GROUP BY city",
         "in an aggregate over a join, qualify every column with its table's name or alias"},
        {"SELECT s.owner AS owner, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.owners AS s ON t.store_id = s.store_id GROUP BY s.owner",
         "the joined table must be declared in tables[] with its columns and a unique key"},
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "FULL JOIN main.sales.stores AS s ON t.store_id = s.store_id GROUP BY s.city",
         "the join of an aggregate is [INNER] JOIN or LEFT JOIN with an ON condition"},
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.stores AS s ON t.store_id < s.store_id GROUP BY s.city",
         "the ON condition must equate every column of a declared unique key"},
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.stores AS s USING (store_id) GROUP BY s.city",
         "the join of an aggregate is [INNER] JOIN or LEFT JOIN with an ON condition"},
        {"SELECT s.city AS city, SUM(t.amount) AS revenue FROM main.sales.transactions AS t "
         "JOIN main.sales.stores AS s ON t.store_id = s.store_id "
         "JOIN main.sales.owners AS o ON o.store_id = s.store_id GROUP BY s.city",
         "must read exactly one table"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *err = join_aggregate_error(cases[i].query);
        if (!cases[i].error)
            ck_assert_msg(err == NULL, "case %zu: %s", i, err ? err : "");
        else
            ck_assert_msg(err && strstr(err, cases[i].error) && strstr(err, "key 'query'"),
                          "case %zu: %s", i, err ? err : "(loaded)");
        sl_free(err);
    }
}
END_TEST

/* tables[].columns[].references (rules.c load_reference): what loads,
 * and each error with its message at its key.  Which table and column a
 * reference names is checked where it is used (aggregate_joins.c J9). */
START_TEST(column_references)
{
    static const struct { const char *ref, *error; } cases[] = {
        {"{\"table\": \"main.sales.stores\", \"columns\": [\"store_id\"], \"total\": true}", NULL},
        {"{\"table\": \"main.sales.stores\", \"columns\": [\"store_id\"]}", NULL},
        {"{\"table\": \"main.sales.nowhere\", \"columns\": [\"x\"], \"total\": false}", NULL},
        {"[\"main.sales.stores\"]", "must be an object"},
        {"{\"columns\": [\"store_id\"]}",
         "needs \"table\" (catalog.schema.table)"},
        {"{\"table\": \"stores\", \"columns\": [\"store_id\"]}",
         "must be catalog.schema.table"},
        {"{\"table\": \"/main\\\\.sales\\\\..*/\", \"columns\": [\"store_id\"]}",
         "must name one table (catalog.schema.table), not a /pattern/"},
        {"{\"table\": \"main.sales.stores\", \"columns\": [\"a\", \"b\"]}",
         "must be an array of one column name"},
        {"{\"table\": \"main.sales.stores\", \"columns\": []}",
         "must be an array of one column name"},
        {"{\"table\": \"main.sales.stores\", \"columns\": [\"store_id\"], \"total\": 1}",
         "must be true or false"},
        {"{\"table\": \"main.sales.stores\", \"columns\": [\"store_id\"], \"lossless\": true}",
         "lossless"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[1024];
        snprintf(text, sizeof text, "{\"sluice\": 1, \"tables\": [{\"match\": "
                 "\"main.sales.transactions\", \"columns\": [{\"name\": \"store_id\", "
                 "\"references\": %s}]}]}", cases[i].ref);
        char *err = NULL;
        sl_engine *e = sl_engine_new(text, strlen(text), "r.json", &err);
        if (!cases[i].error)
            ck_assert_msg(e != NULL && err == NULL, "case %zu: %s", i, err ? err : "");
        else
            ck_assert_msg(e == NULL && err && strstr(err, cases[i].error), "case %zu: %s", i,
                          err ? err : "(loaded)");
        sl_engine_free(e);
        sl_free(err);
    }
}
END_TEST

START_TEST(narrow_statement_kinds)
{
    const char *ctas = "CREATE TABLE t AS SELECT * FROM transactions WHERE d >= current_date() - 7";
    ck_assert_str_eq(run_with("\"select\", \"ctas\"", ctas), "PASS");
    ck_assert_str_eq(run_with("\"select\", \"ddl\"", ctas), "PASS");
    ck_assert_str_eq(run_with("\"select\", \"cvas\"", ctas),
                     "REJECT statement-kind: CREATE statements (kind ctas) are not allowed here; "
                     "only read-only queries may run");
    ck_assert_str_eq(run_with("\"select\", \"ctas\"", "DROP TABLE t"),
                     "REJECT statement-kind: DROP statements (kind ddl) are not allowed here; "
                     "only read-only queries may run");
    ck_assert_str_eq(run_with("\"select\", \"ddl\"", "CREATE TABLE t AS SELECT * FROM transactions"),
                     "REJECT partition-filter: main.sales.transactions is scanned without a lower "
                     "bound on its partition column d; add a filter such as WHERE d >= "
                     "current_date() - INTERVAL 30 DAYS");
    ck_assert_str_eq(run_with("\"cvas\"", "CREATE VIEW v AS SELECT * FROM sales.transactions"),
                     "REJECT partition-filter: main.sales.transactions is scanned without a lower "
                     "bound on its partition column d; add a filter such as WHERE d >= "
                     "current_date() - INTERVAL 30 DAYS");
    ck_assert_str_eq(run_with("\"insert\"", "INSERT INTO t SELECT * FROM transactions WHERE 1 = 0"),
                     "PASS");
    ck_assert_str_eq(run_with("\"show\", \"describe\", \"use\"", "SHOW TABLES IN sales"), "PASS");
    ck_assert_str_eq(run_with("\"show\", \"describe\", \"use\"", "DESCRIBE transactions"), "PASS");
    ck_assert_str_eq(run_with("\"show\", \"describe\", \"use\"", "USE SCHEMA sales"), "PASS");
    ck_assert_str_eq(run_with("\"select\"", "use sales"),
                     "REJECT statement-kind: USE statements (kind use) are not allowed here; "
                     "only read-only queries may run");
    ck_assert_str_eq(run_with("\"show\"", "DESCRIBE transactions"),
                     "REJECT statement-kind: DESCRIBE statements (kind describe) are not allowed "
                     "here; only read-only queries may run");
}
END_TEST

int main(void)
{
    char *err = NULL;
    eng = sl_engine_new(RULES, strlen(RULES), "rules", &err);
    if (!eng) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("guardrails");
    tcase_add_test(tc, date_arithmetic);
    tcase_add_test(tc, spark_string_casts);
    tcase_add_test(tc, windows);
    tcase_add_test(tc, interval_forms_and_empty_windows);
    tcase_add_test(tc, having_using_and_identifier);
    tcase_add_test(tc, reaching_a_scan);
    tcase_add_test(tc, inject_and_warn);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, statement_kinds_and_suppression);
    tcase_add_test(tc, narrow_statement_kinds);
    tcase_add_test(tc, aggregates_over_joins);
    tcase_add_test(tc, column_references);
    suite_add_tcase(s, tc);
    int status = check_run(s, CK_NOFORK);
    sl_engine_free(eng);
    return status;
}
