/*
 * check_range.c - the range analysis (analyze_range.h): the exact window
 * the filters reaching a scan put on a column (WHERE, ON, USING, HAVING
 * on keys, IN, BETWEEN, OR hulls, equalities across joins, derived
 * tables and CTEs, generated columns, the clock), where it stops
 * (outer joins, LIMIT, TABLESAMPLE, NOT), the depth limit, one
 * comparison's bound, blocks that read nothing, and the constant
 * conditions and INT folding of analyze_const.c.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "analyze_range.h"
#include "ast.h"
#include "dates.h"
#include "parse.h"
#include "resolve.h"
#include "sbuf.h"

/* "now" for every case: 2026-11-24 12:00:00. */
static const an_clock CLOCK = {20781, 12 * 3600};

/* Midnight of a day, in microseconds; H: an hour. */
static long long D(long y, unsigned m, unsigned d)
{
    return (long long)dates_from_civil(y, m, d) * DATES_US_PER_DAY;
}
#define H (3600 * DATES_US_PER_SECOND)

static json_t *tree;
static analysis an;
static resolution rs;

static void build(const char *sql)
{
    dialect_error err;
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_msg(nodes != NULL, "does not parse: %.200s (%s)", sql, err.message);
    tree = json_incref(json_array_get(nodes, 0));
    json_decref(nodes);
    analysis_build(&an, tree, "main", "sales");
    resolve_build(&rs, &an, NULL);
}

static void done(void)
{
    resolve_free(&rs);
    analysis_free(&an);
    json_decref(tree);
    tree = NULL;
}

/* The n-th item (0: first) whose alias is alias, in walk order. */
static an_item *item_nth(const char *alias, int n)
{
    for (size_t i = 0; i < an.nitems; i++)
        if (an.items[i]->alias && strcmp(an.items[i]->alias, alias) == 0 && n-- == 0)
            return an.items[i];
    ck_abort_msg("no item %s", alias);
    return NULL;
}

/* The window of alias.col in sql; fails the test if sluice gave up. */
static an_bound window_of(const char *sql, const char *alias, const char *col)
{
    build(sql);
    an_bound b = {9, 9, 9, 9};
    ck_assert_msg(an_range_bounds(&CLOCK, &rs, item_nth(alias, 0), col, &b) == 0, "gave up: %.200s", sql);
    done();
    return b;
}

#define ASSERT_BOUND(b, hl, l, hh, h)                                                   \
    do {                                                                                \
        an_bound b_ = (b);                                                              \
        ck_assert_int_eq(b_.has_lo, (hl));                                              \
        ck_assert_int_eq(b_.has_hi, (hh));                                              \
        if (hl)                                                                         \
            ck_assert_int_eq(b_.lo, (l));                                               \
        if (hh)                                                                         \
            ck_assert_int_eq(b_.hi, (h));                                               \
    } while (0)

START_TEST(comparisons_between_and_in)
{
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d >= DATE'2026-11-01' AND d < DATE'2026-11-10'",
                           "t", "d"), 1, D(2026, 11, 1), 1, D(2026, 11, 10));
    /* > and <= move by one microsecond: a DATE column is its midnight */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d > DATE'2026-11-01' AND d <= DATE'2026-11-10'",
                           "t", "d"), 1, D(2026, 11, 1) + 1, 1, D(2026, 11, 10) + 1);
    /* the constant first: mirrored */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE DATE'2026-11-10' > d", "t", "d"),
                 0, 0, 1, D(2026, 11, 10));
    /* a string has two readings: the lower bound takes the DATE one,
     * the upper bound the TIMESTAMP one */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d BETWEEN '2026-11-01 08:00' AND "
                           "'2026-11-05 10:00:00'", "t", "d"),
                 1, D(2026, 11, 1), 1, D(2026, 11, 5) + 10 * H + 1);
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d = '2026-11-03'", "t", "d"),
                 1, D(2026, 11, 3), 1, D(2026, 11, 3) + 1);
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d IN (DATE'2026-11-03', DATE'2026-11-01', "
                           "DATE'2026-11-02')", "t", "d"),
                 1, D(2026, 11, 1), 1, D(2026, 11, 3) + 1);
    /* an IN list with a value that is not a constant bounds nothing */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d IN (DATE'2026-11-03', x)", "t", "d"),
                 0, 0, 0, 0);
    /* another column, another table's column: nothing */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE e >= DATE'2026-11-01'", "t", "d"), 0, 0, 0, 0);
}
END_TEST

START_TEST(or_not_and_the_clock)
{
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE (d >= DATE'2026-11-01' AND d < DATE'2026-11-03') "
                           "OR (d >= DATE'2026-11-10' AND d < DATE'2026-11-12')", "t", "d"),
                 1, D(2026, 11, 1), 1, D(2026, 11, 12));
    /* a branch without a bound: the hull has none */
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d >= DATE'2026-11-01' OR x = 1", "t", "d"),
                 0, 0, 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE NOT (d < DATE'2026-11-01')", "t", "d"),
                 0, 0, 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d >= current_date() - INTERVAL 30 DAYS "
                           "AND d < current_timestamp()", "t", "d"),
                 1, D(2026, 10, 25), 1, D(2026, 11, 24) + 12 * H);
    ASSERT_BOUND(window_of("SELECT * FROM t WHERE d >= date_trunc('MONTH', now()) "
                           "AND d < add_months(trunc(current_date(), 'MM'), 1)", "t", "d"),
                 1, D(2026, 11, 1), 1, D(2026, 12, 1));
}
END_TEST

START_TEST(joins)
{
    const char *eq = "SELECT * FROM a JOIN b ON a.d = b.d WHERE b.d >= DATE'2026-11-01' "
                     "AND a.d < DATE'2026-11-20'";
    ASSERT_BOUND(window_of(eq, "a", "d"), 1, D(2026, 11, 1), 1, D(2026, 11, 20));
    ASSERT_BOUND(window_of(eq, "b", "d"), 1, D(2026, 11, 1), 1, D(2026, 11, 20));
    /* a chain of equalities, a cycle included */
    const char *chain = "SELECT * FROM a JOIN b ON a.d = b.d JOIN c ON b.d = c.d AND c.d = a.d "
                        "WHERE c.d >= DATE'2026-11-07'";
    ASSERT_BOUND(window_of(chain, "a", "d"), 1, D(2026, 11, 7), 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM a JOIN b USING (d) WHERE b.d >= DATE'2026-11-01'",
                           "a", "d"), 1, D(2026, 11, 1), 0, 0);
    /* LEFT JOIN: the ON restricts the right side only */
    const char *left = "SELECT * FROM a LEFT JOIN b ON a.d = b.d AND a.d >= DATE'2026-11-01' "
                       "AND b.d < DATE'2026-11-20'";
    ASSERT_BOUND(window_of(left, "a", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of(left, "b", "d"), 0, 0, 1, D(2026, 11, 20));
    /* FULL JOIN: neither */
    ASSERT_BOUND(window_of("SELECT * FROM a FULL JOIN b ON b.d >= DATE'2026-11-01'", "b", "d"),
                 0, 0, 0, 0);
}
END_TEST

/* Which references are the scan's column: their bindings (resolve.h),
 * read with the scan's table known to have the column. */
START_TEST(references_by_binding)
{
    const char *two = "SELECT * FROM a, b WHERE d >= DATE'2026-11-01'";
    /* neither declared: each has d or the query stops (ambiguous) */
    ASSERT_BOUND(window_of(two, "a", "d"), 1, D(2026, 11, 1), 0, 0);
    ASSERT_BOUND(window_of(two, "b", "d"), 1, D(2026, 11, 1), 0, 0);
    /* the same table twice: both have d, so d names neither */
    ASSERT_BOUND(window_of("SELECT * FROM a x, a y WHERE d >= DATE'2026-11-01'", "x", "d"),
                 0, 0, 0, 0);
    /* a derived table that outputs d */
    ASSERT_BOUND(window_of("SELECT * FROM a, (SELECT 1 AS d) s WHERE d >= DATE'2026-11-01'",
                           "a", "d"), 0, 0, 0, 0);
    /* a correlated subquery: its own table first */
    ASSERT_BOUND(window_of("SELECT * FROM b WHERE EXISTS (SELECT 1 FROM a WHERE "
                           "d >= DATE'2026-11-01')", "a", "d"), 1, D(2026, 11, 1), 0, 0);
    /* USING: the merged column is both sides' (the other through the
     * join's equality), except under a FULL JOIN: coalesce(a.d, b.d) */
    const char *inner = "SELECT * FROM a JOIN b USING (d) WHERE d >= DATE'2026-11-01'";
    ASSERT_BOUND(window_of(inner, "a", "d"), 1, D(2026, 11, 1), 0, 0);
    ASSERT_BOUND(window_of(inner, "b", "d"), 1, D(2026, 11, 1), 0, 0);
    const char *full = "SELECT * FROM a FULL JOIN b USING (d) WHERE d >= DATE'2026-11-01'";
    ASSERT_BOUND(window_of(full, "a", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of(full, "b", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM a FULL JOIN b USING (d) WHERE a.d >= DATE'2026-11-01'",
                           "a", "d"), 1, D(2026, 11, 1), 0, 0);
    const char *nested = "SELECT * FROM (a FULL JOIN b USING (d)) JOIN c USING (d) "
                         "WHERE d >= DATE'2026-11-01'";
    ASSERT_BOUND(window_of(nested, "a", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of(nested, "b", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of(nested, "c", "d"), 1, D(2026, 11, 1), 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM a NATURAL FULL JOIN b WHERE d >= DATE'2026-11-01'",
                           "a", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM a NATURAL JOIN b WHERE d >= DATE'2026-11-01'",
                           "b", "d"), 1, D(2026, 11, 1), 0, 0);
    /* an equality with another item's column borrows its window, when
     * the binding says whose: e could also be a's */
    ASSERT_BOUND(window_of("SELECT * FROM a JOIN (SELECT 1 AS e) s ON a.d = s.e "
                           "WHERE s.e >= DATE'2026-11-01'", "a", "d"), 1, D(2026, 11, 1), 0, 0);
    ASSERT_BOUND(window_of("SELECT * FROM a JOIN (SELECT 1 AS e) s ON a.d = e "
                           "WHERE s.e >= DATE'2026-11-01'", "a", "d"), 0, 0, 0, 0);
    /* no resolution: nothing is a bound */
    build("SELECT * FROM a WHERE d >= DATE'2026-11-01'");
    an_bound b = {9, 9, 9, 9};
    ck_assert_int_eq(an_range_bounds(&CLOCK, NULL, item_nth("a", 0), "d", &b), 0);
    ASSERT_BOUND(b, 0, 0, 0, 0);
    done();
}
END_TEST

START_TEST(derived_tables_ctes_and_having)
{
    ASSERT_BOUND(window_of("SELECT * FROM (SELECT d, x FROM t) s WHERE s.d >= DATE'2026-11-01'",
                           "t", "d"), 1, D(2026, 11, 1), 0, 0);
    /* renamed on the way out */
    ASSERT_BOUND(window_of("SELECT * FROM (SELECT d AS day FROM t) s WHERE day < DATE'2026-11-02'",
                           "t", "d"), 0, 0, 1, D(2026, 11, 2));
    ASSERT_BOUND(window_of("SELECT * FROM (SELECT d FROM t) AS s (k) WHERE k < DATE'2026-11-02'",
                           "t", "d"), 0, 0, 1, D(2026, 11, 2));
    /* a LIMIT stops a filter from above */
    ASSERT_BOUND(window_of("SELECT * FROM (SELECT d FROM t LIMIT 10) s WHERE d >= DATE'2026-11-01'",
                           "t", "d"), 0, 0, 0, 0);
    /* a CTE: the widest window over its references */
    ASSERT_BOUND(window_of("WITH c AS (SELECT d FROM t) SELECT d FROM c WHERE d >= DATE'2026-11-01' "
                           "UNION ALL SELECT d FROM c WHERE d >= DATE'2026-11-05'", "t", "d"),
                 1, D(2026, 11, 1), 0, 0);
    ASSERT_BOUND(window_of("WITH c AS (SELECT d FROM t) SELECT d FROM c WHERE d >= DATE'2026-11-01' "
                           "UNION ALL SELECT d FROM c", "t", "d"), 0, 0, 0, 0);
    ASSERT_BOUND(window_of("SELECT d, count(*) FROM t GROUP BY d HAVING d >= DATE'2026-11-01'",
                           "t", "d"), 1, D(2026, 11, 1), 0, 0);
    /* under TABLESAMPLE nothing reaches the scan */
    ASSERT_BOUND(window_of("SELECT * FROM t TABLESAMPLE (10 PERCENT) WHERE d >= DATE'2026-11-01'",
                           "t", "d"), 0, 0, 0, 0);
}
END_TEST

START_TEST(several_columns_one_statement)
{
    build("SELECT * FROM t JOIN u ON t.k = u.k WHERE t.ts >= TIMESTAMP'2026-11-01 06:00:00' "
          "AND u.d BETWEEN DATE'2026-11-02' AND DATE'2026-11-04'");
    an_ranges *r = an_ranges_new(&CLOCK, &rs);
    /* t's partition column d is generated from ts: ts's filters bound it */
    size_t td = an_ranges_add(r, item_nth("t", 0), "d", "ts");
    size_t ud = an_ranges_add(r, item_nth("u", 0), "d", NULL);
    size_t tk = an_ranges_add(r, item_nth("t", 0), "k", NULL);
    an_ranges_solve(r);
    ck_assert_int_eq(an_ranges_gave_up(r), 0);
    ASSERT_BOUND(an_ranges_bound(r, td), 1, D(2026, 11, 1) + 6 * H, 0, 0);
    ASSERT_BOUND(an_ranges_bound(r, ud), 1, D(2026, 11, 2), 1, D(2026, 11, 4) + 1);
    ASSERT_BOUND(an_ranges_bound(r, tk), 0, 0, 0, 0);
    an_ranges_free(r);
    done();
}
END_TEST

START_TEST(gives_up_beyond_the_depth_limit)
{
    /* current_date() - INTERVAL 1 DAY - ...: a date expression nested
     * deeper than AN_RANGE_MAX_DEPTH, no brackets needed */
    sbuf s = SBUF_INIT;
    sbuf_puts(&s, "SELECT * FROM t WHERE d >= current_date()");
    for (int i = 0; i < AN_RANGE_MAX_DEPTH + 10; i++)
        sbuf_puts(&s, " - INTERVAL 1 DAY");
    build(sbuf_cstr(&s));
    an_bound b = {7, 7, 7, 7};
    ck_assert_int_eq(an_range_bounds(&CLOCK, &rs, item_nth("t", 0), "d", &b), -1);
    ck_assert_int_eq(b.has_lo, 7);      /* untouched */
    an_time v;
    int gave_up = 0;
    json_t *cmp = an.top->where[0];
    json_t *value = json_object_get(json_object_get(cmp, "A_Expr"), "rexpr");
    ck_assert_int_eq(an_eval_date_at(&CLOCK, value, &v, 0, &gave_up), -1);
    ck_assert_int_eq(gave_up, 1);
    done();
    sbuf_free(&s);
    /* 200 levels are evaluated: 200 days back */
    sbuf_puts(&s, "SELECT * FROM t WHERE d >= current_date()");
    for (int i = 0; i < 200; i++)
        sbuf_puts(&s, " - INTERVAL 1 DAY");
    build(sbuf_cstr(&s));
    ck_assert_int_eq(an_range_bounds(&CLOCK, &rs, item_nth("t", 0), "d", &b), 0);
    ASSERT_BOUND(b, 1, D(2026, 11, 24) - 200 * DATES_US_PER_DAY, 0, 0);
    done();
    sbuf_free(&s);
}
END_TEST

/* The first select-list expression of "SELECT <expr>" (kept in tree). */
static json_t *expr_of(const char *expr)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT %s", expr);
    dialect_error err;
    json_t *nodes = parse_text(sql, strlen(sql), &err);
    ck_assert_msg(nodes != NULL, "does not parse: %s (%s)", sql, err.message);
    json_decref(tree);
    tree = json_incref(json_array_get(nodes, 0));
    json_decref(nodes);
    json_t *sel = json_object_get(tree, "SelectStmt");
    return json_object_get(json_object_get(json_array_get(json_object_get(sel, "targetList"), 0),
                                           "ResTarget"), "val");
}

START_TEST(one_comparison)
{
    an_bound b;
    ck_assert_int_eq(an_comparison_bound(&CLOCK, ">", expr_of("DATE'2026-11-01'"), 1, &b), 0);
    ASSERT_BOUND(b, 1, D(2026, 11, 1) + 1, 0, 0);
    ck_assert_int_eq(an_comparison_bound(&CLOCK, ">", expr_of("DATE'2026-11-01'"), 0, &b), 0);
    ASSERT_BOUND(b, 0, 0, 1, D(2026, 11, 1));
    ck_assert_int_eq(an_comparison_bound(&CLOCK, "<=", expr_of("current_date() - 1"), 1, &b), 0);
    ASSERT_BOUND(b, 0, 0, 1, D(2026, 11, 23) + 1);
    /* <> bounds nothing, but the value is a constant */
    ck_assert_int_eq(an_comparison_bound(&CLOCK, "<>", expr_of("DATE'2026-11-01'"), 1, &b), 0);
    ASSERT_BOUND(b, 0, 0, 0, 0);
    ck_assert_int_eq(an_comparison_bound(&CLOCK, "<", expr_of("x + 1"), 1, &b), -1);
    /* a time zone makes the value depend on the session's offset */
    ck_assert_int_eq(an_comparison_bound(&CLOCK, "<", expr_of("'2026-11-01T00:00Z'"), 1, &b), -1);
    json_decref(tree);
    tree = NULL;
}
END_TEST

START_TEST(constant_conditions_and_ints)
{
    ck_assert_int_eq(an_const_truth(expr_of("1 < 2 AND NOT false")), AN_TV_TRUE);
    ck_assert_int_eq(an_const_truth(expr_of("1 = 0 OR NULL")), AN_TV_NULL);
    ck_assert_int_eq(an_const_truth(expr_of("NULL AND false")), AN_TV_FALSE);
    ck_assert_int_eq(an_const_truth(expr_of("1.5 >= 2")), AN_TV_FALSE);
    ck_assert_int_eq(an_const_truth(expr_of("x = 1")), AN_TV_UNKNOWN);
    long n = 0;
    ck_assert_int_eq(an_eval_int(expr_of("-(2 + 3) * 7"), &n), 0);
    ck_assert_int_eq(n, -35);
    ck_assert_int_eq(an_eval_int(expr_of("2147483647 + 1"), &n), -1);
    json_decref(tree);
    tree = NULL;
}
END_TEST

/* Does the first item aliased alias sit in a block that reads nothing? */
static int reads_nothing(const char *sql, const char *alias)
{
    build(sql);
    int r = an_block_reads_nothing(item_nth(alias, 0)->block);
    done();
    return r;
}

START_TEST(blocks_that_read_nothing)
{
    ck_assert_int_eq(reads_nothing("SELECT * FROM t WHERE 1 = 0", "t"), 1);
    ck_assert_int_eq(reads_nothing("SELECT * FROM t WHERE d >= current_date() AND NULL", "t"), 1);
    ck_assert_int_eq(reads_nothing("SELECT * FROM t LIMIT 0", "t"), 1);
    ck_assert_int_eq(reads_nothing("SELECT * FROM t WHERE 1 = 1", "t"), 0);
    ck_assert_int_eq(reads_nothing("SELECT * FROM t LIMIT 1", "t"), 0);
    /* the block around the derived table */
    ck_assert_int_eq(reads_nothing("SELECT * FROM (SELECT * FROM t) s WHERE false", "t"), 1);
    /* a CTE: only when every reference reads nothing */
    ck_assert_int_eq(reads_nothing("WITH c AS (SELECT * FROM t) SELECT * FROM c WHERE false "
                                   "UNION ALL SELECT * FROM c LIMIT 0", "t"), 0);
    ck_assert_int_eq(reads_nothing("WITH c AS (SELECT * FROM t) SELECT * FROM c WHERE false "
                                   "UNION ALL SELECT * FROM c WHERE 2 < 1", "t"), 1);
    /* a subquery in an expression is judged on its own */
    ck_assert_int_eq(reads_nothing("SELECT * FROM u WHERE false AND k IN (SELECT k FROM t)", "t"), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("range");
    TCase *tc = tcase_create("range");
    tcase_add_test(tc, comparisons_between_and_in);
    tcase_add_test(tc, or_not_and_the_clock);
    tcase_add_test(tc, joins);
    tcase_add_test(tc, references_by_binding);
    tcase_add_test(tc, derived_tables_ctes_and_having);
    tcase_add_test(tc, several_columns_one_statement);
    tcase_add_test(tc, gives_up_beyond_the_depth_limit);
    tcase_add_test(tc, one_comparison);
    tcase_add_test(tc, constant_conditions_and_ints);
    tcase_add_test(tc, blocks_that_read_nothing);
    suite_add_tcase(s, tc);
    return check_run(s, CK_FORK);
}
