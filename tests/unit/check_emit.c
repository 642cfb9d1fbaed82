/*
 * check_emit.c - the emitter: Databricks spelling of every construct,
 * parentheses decided by precedence, and the PostgreSQL target.
 * Each case is input -> expected output of SL_MODE_FORMAT.
 */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sluice.h"

static char out[8192];

static const char *fmt_target(const char *sql, sl_mode mode)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    sl_request r = SL_REQUEST_INIT;
    r.sql = sql;
    r.sql_len = strlen(sql);
    r.mode = mode;
    sl_result *res = sl_process(e, &r);
    if (sl_result_action(res) == SL_ACTION_REJECT)
        snprintf(out, sizeof out, "ERR %u:%u: %s", sl_result_diagnostic(res, 0)->line,
                 sl_result_diagnostic(res, 0)->column, sl_result_diagnostic(res, 0)->message);
    else
        snprintf(out, sizeof out, "%s", sl_result_sql(res, NULL));
    sl_result_free(res);
    sl_engine_free(e);
    return out;
}

static const char *fmt(const char *sql)
{
    return fmt_target(sql, SL_MODE_FORMAT);
}

/* Formatting must be idempotent: format(format(x)) == format(x). */
static void same(const char *sql)
{
    char first[8192];
    snprintf(first, sizeof first, "%s", fmt(sql));
    ck_assert_str_eq(fmt(first), first);
    ck_assert_str_eq(first, sql);
}

START_TEST(precedence)
{
    same("SELECT a + b DIV c");
    same("SELECT (a + b) DIV c");
    same("SELECT a DIV b * c");
    same("SELECT a DIV (b * c)");
    same("SELECT NOT a RLIKE b");
    same("SELECT (NOT a) RLIKE b");
    same("SELECT a - (b - c)");
    same("SELECT a - b - c");
    same("SELECT a <=> b AND c");
    same("SELECT a <=> (b AND c)");
    same("SELECT (a = b) = c");
    same("SELECT (a OR b) AND c");
    same("SELECT a OR b AND c");
    same("SELECT NOT (a AND b)");
    same("SELECT - -a");
    same("SELECT -(a + b)");
    same("SELECT (a || b) + c");
    same("SELECT a || (b + c)");
    same("SELECT a | (b & c)");
    same("SELECT (a | b) & c");
    same("SELECT (a IS NULL) = b");
    same("SELECT a BETWEEN b + 1 AND c * 2");
    same("SELECT (a + b)[0]");
    ck_assert_str_eq(fmt("SELECT a == b"), "SELECT a = b");
    ck_assert_str_eq(fmt("SELECT a + (b DIV c)"), "SELECT a + b DIV c");
    ck_assert_str_eq(fmt("SELECT ((a))"), "SELECT a");
}
END_TEST

START_TEST(identifiers)
{
    /* Spelling is kept; back-quotes only where Spark or the bridge need them. */
    same("SELECT Region, `SUM(amount)`, `a``b`, `select`, `1x`, `Name` FROM main.sales.t");
    ck_assert_str_eq(fmt("SELECT `Region`, `name`, Name FROM t"), "SELECT Region, `name`, `name` FROM t");
    ck_assert_str_eq(fmt("SELECT `region` AS `r` FROM `main`.`sales`.`t`"),
                     "SELECT region AS r FROM main.sales.t");
    same("SELECT sum(amount) AS `SUM(amount)`, count(*) AS count FROM t");
    same("SELECT SUM(x) AS Total FROM t");
    /* PostgreSQL truncates names to 63 bytes; Spark keeps them whole. */
    same("SELECT sum(amount) AS `SUM(amount_in_reporting_currency_after_discounts_and_returns_net)` "
         "FROM main.sales.a_table_name_that_is_longer_than_sixty_three_bytes_in_all_of_its_letters");
}
END_TEST

START_TEST(literals)
{
    same("SELECT 'it\\'s', 'a\\\\b', 1, -1, 1.5, TRUE, NULL, X'1F'");
    ck_assert_str_eq(fmt("SELECT \"dq\", r'\\d', 'a' 'b'"), "SELECT 'dq', '\\\\d', 'ab'");
    same("SELECT DATE '2026-01-01', TIMESTAMP '2026-01-01 00:00:00'");
    same("SELECT CAST('2026-11-01' AS DATE), CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)");
    same("SELECT INTERVAL 7 DAYS, INTERVAL 1 DAY 2 HOURS, INTERVAL '7' DAY, INTERVAL '1-2' YEAR TO MONTH");
    ck_assert_str_eq(fmt("SELECT INTERVAL '7' DAYS"), "SELECT INTERVAL 7 DAYS");
    same("SELECT CAST(a AS STRING), CAST(b AS DECIMAL(10, 2)), TRY_CAST(c AS ARRAY<INT>), CAST(d AS MAP<STRING,INT>)");
    ck_assert_str_eq(fmt("SELECT x::int, 5L"), "SELECT CAST(x AS INT), 5L");
    same("SELECT 1.5BD, -128Y, 1e-3F, 2D, - -5L, -32768S, 1E2D");
    same("SELECT current_date(), current_timestamp(), now()");
    ck_assert_str_eq(fmt("SELECT current_date"), "SELECT current_date()");
}
END_TEST

START_TEST(spark_constructs)
{
    same("SELECT /*+ BROADCAST(d), MERGE(a, b) */ a FROM t");
    same("SELECT /*+ REPARTITION(8) */ DISTINCT a FROM t");
    same("SELECT transform(arr, x -> x + 1), aggregate(arr, 0, (acc, x) -> acc + x)");
    same("SELECT filter(a, x -> x > 0 AND x < 9), exists(a, x -> x IS NULL)");
    same("SELECT c FROM t LATERAL VIEW explode(a) e AS c");
    same("SELECT k, v FROM t LATERAL VIEW OUTER explode(m) e AS k, v LATERAL VIEW explode(v) f AS w");
    same("SELECT a FROM t QUALIFY row_number() OVER (PARTITION BY a ORDER BY b DESC) = 1");
    same("SELECT m['k'], arr[0], s.a.b, split(s, ',')[0], struct(a AS x, b)");
    same("SELECT a FROM (VALUES (1), (2)) AS t(a)");
    same("SELECT a FROM (VALUES (1), (2))");
    same("SELECT * FROM (SELECT 1) JOIN (SELECT 2) ON TRUE");
    same("SELECT c FROM t LATERAL VIEW explode(x) AS c");
    same("SELECT a FROM t DISTRIBUTE BY a, b SORT BY c DESC NULLS LAST LIMIT 5");
    same("SELECT a FROM t CLUSTER BY a");
    same("SELECT a FROM t WINDOW w AS (ORDER BY a) SORT BY a");
    same("SELECT 1 UNION SELECT /*+ BROADCAST(u) */ a FROM u QUALIFY a > 1");
    ck_assert_str_eq(fmt("SELECT a FROM VALUES 1, 2 AS t(a)"), "SELECT a FROM (VALUES (1), (2)) AS t(a)");
    same("SELECT EXTRACT(year FROM d), SUBSTRING(s FROM 1 FOR 2), TRIM(BOTH 'x' FROM s), POSITION('a' IN s)");
}
END_TEST

START_TEST(queries)
{
    same("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) SELECT * FROM c");
    same("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3");
    same("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3");
    same("SELECT 1 EXCEPT (SELECT 2 EXCEPT SELECT 3)");
    same("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT b FROM u");
    same("SELECT a, sum(b) FROM t GROUP BY ROLLUP (a, c), CUBE (d), GROUPING SETS ((a, b), ()) HAVING sum(b) > 0");
    same("SELECT * FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (y) CROSS JOIN d FULL JOIN (e JOIN f ON TRUE) ON FALSE");
    same("SELECT * FROM a NATURAL JOIN b RIGHT JOIN c ON TRUE");
    same("SELECT rank() OVER w, sum(x) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t WINDOW w AS (PARTITION BY a ORDER BY b NULLS FIRST)");
    same("SELECT sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND UNBOUNDED FOLLOWING) FROM t");
    same("SELECT count(DISTINCT a) FILTER (WHERE b > 1), percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t");
    same("SELECT * FROM t WHERE a IN (SELECT b FROM u) AND NOT EXISTS (SELECT 1 FROM v) AND c NOT IN (1, 2) AND (SELECT max(x) FROM w) > 3");
    same("SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'a' END FROM t");
    same("SELECT a FROM t ORDER BY a DESC NULLS LAST, b LIMIT 10 OFFSET 5");
    same("SELECT a FROM t LIMIT ALL");
    same("SELECT a LIKE 'x!%' ESCAPE '!', b NOT ILIKE 'y', c <=> d, e IS DISTINCT FROM f FROM t");
}
END_TEST

START_TEST(postgres_target)
{
    ck_assert_str_eq(fmt_target("SELECT `Region`, a DIV b, CAST(x AS STRING), current_date() FROM t "
                                "WHERE d >= current_date() - INTERVAL 7 DAYS", SL_MODE_FORMAT_POSTGRES),
                     "SELECT \"Region\", a / b, CAST(x AS text), CURRENT_DATE FROM t "
                     "WHERE d >= CURRENT_DATE - INTERVAL '7 DAYS'");
    ck_assert_str_eq(fmt_target("SELECT 'it\\'s', a RLIKE 'x'", SL_MODE_FORMAT_POSTGRES),
                     "SELECT 'it''s', a ~ 'x'");
    ck_assert_str_eq(fmt_target("SELECT transform(a, x -> x)", SL_MODE_FORMAT_POSTGRES),
                     "ERR 1:23: lambda functions have no PostgreSQL equivalent");
    /* GROUP BY ALL's keys, written out: a literal would be a position
     * (3) or an error ('x'), so it is grouped as an expression. */
    ck_assert_str_eq(fmt_target("SELECT 3 AS tier, region, -1, 'x', 1 + 1, sum(a) FROM t "
                                "GROUP BY ALL", SL_MODE_FORMAT_POSTGRES),
                     "SELECT 3 AS tier, region, -1, 'x', 1 + 1, sum(a) FROM t GROUP BY "
                     "CAST(3 AS TEXT), region, CAST(-1 AS TEXT), CAST('x' AS TEXT), 1 + 1");
}
END_TEST

START_TEST(unsupported_nodes_are_errors)
{
    ck_assert_str_eq(fmt("SELECT a FROM t FOR UPDATE"),
                     "ERR 1:1: locking clauses (FOR UPDATE ...) have no Databricks equivalent");
    ck_assert_str_eq(fmt("SELECT DISTINCT ON (a) a FROM t"),
                     "ERR 1:1: DISTINCT ON has no Databricks equivalent");
    ck_assert_str_eq(fmt("SELECT ARRAY[1, 2]"),
                     "ERR 1:8: ARRAY[...] has no Databricks equivalent; use array(...)");
    ck_assert_str_eq(fmt("SELECT a @ b FROM t"),
                     "ERR 1:10: operator '@' has no Databricks equivalent");
    /* Spark reads a run of operator characters as separate operators;
     * PostgreSQL must not read it as one it defines. */
    ck_assert_str_eq(fmt("SELECT a @> b FROM t"), "ERR 1:11: syntax error at or near \">\"");
    ck_assert_str_eq(fmt("SELECT a FROM t LIMIT */10"), "ERR 1:23: '*/' outside a comment or hint");
    ck_assert_str_eq(fmt("INSERT INTO t VALUES (1)"),
                     "ERR 1:1: only queries can be emitted, not InsertStmt");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("emit");
    TCase *tc = tcase_create("databricks");
    tcase_add_test(tc, precedence);
    tcase_add_test(tc, identifiers);
    tcase_add_test(tc, literals);
    tcase_add_test(tc, spark_constructs);
    tcase_add_test(tc, queries);
    tcase_add_test(tc, postgres_target);
    tcase_add_test(tc, unsupported_nodes_are_errors);
    suite_add_tcase(s, tc);
    return check_run(s, CK_NOFORK);
}
