/*
 * check_dates_eval.c - the constant evaluation of analyze_const.c
 * (an_eval_date): the date function table (Databricks' date functions
 * as typed and as sqlglot's Databricks generator writes them), INT
 * folding in day counts and intervals.  The range analysis built on it
 * is tested in check_range.c.
 */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "analyze_range.h"
#include "ast.h"
#include "dates.h"
#include "parse.h"
#include "zones.h"

/* "now" for every case: 2026-11-24 12:00:00, a Tuesday. */
static long today(void)
{
    return dates_from_civil(2026, 11, 24);
}

/* Days (a fraction for the time of day) as microseconds, the unit of
 * an_eval_date. */
#define US(days) llround((days) * 86400000000.0)

/* The value of the first select-list expression of "SELECT <expr>", in
 * microseconds since 1970-01-01; US(-1e9) when it is not a constant. */
static long long value_of(const char *expr)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT %s", expr);
    dialect_error err;
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_msg(nodes != NULL, "does not parse: %s (%s)", sql, err.message);
    json_t *sel = json_object_get(json_array_get(nodes, 0), "SelectStmt");
    json_t *target = json_object_get(json_array_get(json_object_get(sel, "targetList"), 0),
                                     "ResTarget");
    an_clock clock = {today(), 12 * 3600};
    an_time v;
    int rc = an_eval_date(&clock, json_object_get(target, "val"), &v);
    json_decref(nodes);
    return rc == 0 ? v.us : US(-1e9);
}

static double day(long y, unsigned m, unsigned d)
{
    return (double)dates_from_civil(y, m, d);
}

START_TEST(day_counts_fold_int_arithmetic)
{
    ck_assert_int_eq(value_of("date_sub(current_date(), 30)"), US(today() - 30));
    /* sqlglot's spelling of the same */
    ck_assert_int_eq(value_of("DATE_ADD(CURRENT_DATE, 30 * -1)"), US(today() - 30));
    ck_assert_int_eq(value_of("date_add(current_date(), -(2 + 3) * 7)"), US(today() - 35));
    ck_assert_int_eq(value_of("current_date() - 10 * 3"), US(today() - 30));
    /* an INT overflow is no constant, nor a BIGINT literal */
    ck_assert_int_eq(value_of("date_add(current_date(), 2147483647 + 1)"), US(-1e9));
    ck_assert_int_eq(value_of("date_add(current_date(), 3000000000)"), US(-1e9));
    ck_assert_int_eq(value_of("date_add(current_date(), x * 2)"), US(-1e9));
}
END_TEST

START_TEST(three_argument_add)
{
    ck_assert_int_eq(value_of("DATEADD(DAY, -30, CURRENT_DATE)"), US(today() - 30));
    ck_assert_int_eq(value_of("dateadd(day, -30, current_date())"), US(today() - 30));
    ck_assert_int_eq(value_of("date_add(WEEK, -2, current_date())"), US(today() - 14));
    ck_assert_int_eq(value_of("timestampadd(MONTH, -3, DATE'2026-05-31')"), US(day(2026, 2, 28)));
    ck_assert_int_eq(value_of("timestampadd(QUARTER, 1, DATE'2026-01-15')"), US(day(2026, 4, 15)));
    ck_assert_int_eq(value_of("timestampadd(YEAR, -1, DATE'2024-02-29')"), US(day(2023, 2, 28)));
    ck_assert_int_eq(value_of("timestampadd(HOUR, -36, DATE'2026-11-24')"), US(day(2026, 11, 22) + 0.5));
    ck_assert_int_eq(value_of("dateadd('day', 1, DATE'2026-11-24')"), US(day(2026, 11, 25)));
    ck_assert_int_eq(value_of("dateadd(fortnight, 1, DATE'2026-11-24')"), US(-1e9));
}
END_TEST

START_TEST(truncation_and_month_ends)
{
    ck_assert_int_eq(value_of("trunc(current_date(), 'MM')"), US(day(2026, 11, 1)));
    ck_assert_int_eq(value_of("TRUNC(CURRENT_DATE, 'YEAR')"), US(day(2026, 1, 1)));
    ck_assert_int_eq(value_of("trunc(DATE'2026-11-24', 'week')"), US(day(2026, 11, 23)));
    ck_assert_int_eq(value_of("trunc(DATE'2026-11-24', 'Q')"), US(-1e9));
    ck_assert_int_eq(value_of("trunc(DATE'2026-11-24', 'DD')"), US(-1e9));
    ck_assert_int_eq(value_of("date_trunc('MON', DATE'2026-11-24')"), US(day(2026, 11, 1)));
    ck_assert_int_eq(value_of("date_trunc('HOUR', TIMESTAMP'2026-11-24 10:45:00')"), US(day(2026, 11, 24) + 10.0 / 24));
    ck_assert_int_eq(value_of("last_day(DATE'2024-02-10')"), US(day(2024, 2, 29)));
    ck_assert_int_eq(value_of("last_day(add_months(current_date(), -1))"), US(day(2026, 10, 31)));
    ck_assert_int_eq(value_of("add_months(current_date(), 6 * -2)"), US(day(2025, 11, 24)));
}
END_TEST

START_TEST(next_day_and_unix_dates)
{
    /* 2026-11-24 is a Tuesday */
    ck_assert_int_eq(value_of("next_day(current_date(), 'MO')"), US(day(2026, 11, 30)));
    ck_assert_int_eq(value_of("next_day(current_date(), 'tue')"), US(day(2026, 12, 1)));
    ck_assert_int_eq(value_of("next_day(current_date(), 'Wednesday')"), US(day(2026, 11, 25)));
    ck_assert_int_eq(value_of("next_day(current_date(), 'wed_')"), US(-1e9));
    ck_assert_int_eq(value_of("date_from_unix_date(20000)"), US(20000));
    ck_assert_int_eq(value_of("curdate()"), US(today()));
}
END_TEST

START_TEST(interval_arithmetic)
{
    ck_assert_int_eq(value_of("current_date() - INTERVAL 1 DAY * 30"), US(today() - 30));
    ck_assert_int_eq(value_of("current_date() - 3 * INTERVAL '1' MONTH"), US(day(2026, 8, 24)));
    ck_assert_int_eq(value_of("current_date() + - INTERVAL 7 DAYS"), US(today() - 7));
    ck_assert_int_eq(value_of("current_date() - INTERVAL 1 DAY * x"), US(-1e9));
}
END_TEST

/* The offset a zone has at an instant, or -99999 when unknown. */
static long offset_of(const char *zone, long y, unsigned m, unsigned d)
{
    long off;
    long long t = (long long)dates_from_civil(y, m, d) * 86400 + 12 * 3600;
    return zone_offset_at(zone, t, &off) == 0 ? off : -99999;
}

START_TEST(session_zone_offsets)
{
    /* UTC by its names, and ZoneOffset.of's forms */
    ck_assert_int_eq(offset_of("UTC", 2026, 11, 30), 0);
    ck_assert_int_eq(offset_of("Z", 2026, 11, 30), 0);
    ck_assert_int_eq(offset_of("GMT", 2026, 11, 30), 0);
    ck_assert_int_eq(offset_of("+09:00", 2026, 11, 30), 9 * 3600);
    ck_assert_int_eq(offset_of("-05", 2026, 11, 30), -5 * 3600);
    ck_assert_int_eq(offset_of("+8:00", 2026, 11, 30), 8 * 3600);
    ck_assert_int_eq(offset_of("+0530", 2026, 11, 30), 5 * 3600 + 1800);
    ck_assert_int_eq(offset_of("UTC+05:30", 2026, 11, 30), 5 * 3600 + 1800);
    ck_assert_int_eq(offset_of("GMT-03:00", 2026, 11, 30), -3 * 3600);
    ck_assert_int_eq(offset_of("+05:30:15", 2026, 11, 30), 5 * 3600 + 1815);
    ck_assert_int_eq(offset_of("+18:00", 2026, 11, 30), 18 * 3600);
    /* not offsets */
    ck_assert_int_eq(offset_of("+19:00", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("+18:30", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("+05:3", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("+05:3000", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("+0530:00", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("", 2026, 11, 30), -99999);
    /* region IDs from the tz database, daylight saving included */
    ck_assert_int_eq(offset_of("Asia/Tokyo", 2026, 11, 30), 9 * 3600);
    ck_assert_int_eq(offset_of("America/New_York", 2026, 11, 30), -5 * 3600);
    ck_assert_int_eq(offset_of("America/New_York", 2026, 7, 1), -4 * 3600);
    ck_assert_int_eq(offset_of("Europe/London", 2026, 7, 1), 3600);
    ck_assert_int_eq(offset_of("Asia/Kolkata", 2026, 7, 1), 5 * 3600 + 1800);
    ck_assert_int_eq(offset_of("Etc/UTC", 2026, 7, 1), 0);
    /* nothing outside the database is read, and no unknown name guessed */
    ck_assert_int_eq(offset_of("Asia/Nowhere", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("../../etc/passwd", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("/etc/localtime", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("Asia/./Tokyo", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("zone.tab", 2026, 11, 30), -99999);
    ck_assert_int_eq(offset_of("PST", 2026, 11, 30), -99999);
}
END_TEST

START_TEST(clock_unknown_is_no_constant)
{
    an_clock clock = {today(), 12 * 3600, 1};
    dialect_error err;
    static const char sql[] = "SELECT current_date(), current_timestamp(), now(), CURRENT_DATE, "
                              "DATE '2026-01-01' + INTERVAL 1 DAY";
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_ptr_nonnull(nodes);
    json_t *targets = json_object_get(json_object_get(json_array_get(nodes, 0), "SelectStmt"),
                                      "targetList");
    an_time v;
    for (size_t i = 0; i < 4; i++) {
        json_t *val = json_object_get(json_object_get(json_array_get(targets, i), "ResTarget"),
                                      "val");
        ck_assert_int_eq(an_eval_date(&clock, val, &v), -1);
    }
    json_t *lit = json_object_get(json_object_get(json_array_get(targets, 4), "ResTarget"), "val");
    ck_assert_int_eq(an_eval_date(&clock, lit, &v), 0);
    ck_assert_int_eq(v.us, US(day(2026, 1, 2)));
    json_decref(nodes);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates_eval");
    TCase *tc = tcase_create("dates_eval");
    tcase_add_test(tc, day_counts_fold_int_arithmetic);
    tcase_add_test(tc, three_argument_add);
    tcase_add_test(tc, truncation_and_month_ends);
    tcase_add_test(tc, next_day_and_unix_dates);
    tcase_add_test(tc, interval_arithmetic);
    tcase_add_test(tc, session_zone_offsets);
    tcase_add_test(tc, clock_unknown_is_no_constant);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
