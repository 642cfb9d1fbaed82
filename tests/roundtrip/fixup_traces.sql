-- Statements on the edge of parse.c's needs_fixup(): each holds a minus
-- sign or the word INTERVAL, where the fix-up walk may or may not change
-- the tree.  The round-trip tool parses each with the walk forced and
-- requires the same tree as the parse that decides for itself.
SELECT CAST(x AS INTERVAL DAY) AS a FROM t;
SELECT CAST(x AS /* a comment */ interval DAY TO HOUR) AS a FROM t;
SELECT x::interval hour AS a, '1'::INTERVAL DAY AS b FROM t;
SELECT try_cast(x AS interval minute) AS a FROM t;
SELECT INTERVAL 30 DAYS AS a, INTERVAL '1' DAY AS b, interval '1 2' day to hour AS c FROM t;
SELECT CAST('1 2' AS INTERVAL DAY TO HOUR) AS a, INTERVAL '1 2' DAY TO HOUR AS b FROM t;
SELECT current_date() - INTERVAL 30 DAYS AS d FROM t;
SELECT - 5 AS a, -(5) AS b, - /* c */ 7 AS c, -  -3 AS d, -a AS e, a - 1 AS f, a - b AS g FROM t;
SELECT -2147483648 AS lo, -9223372036854775808 AS big, -1.5 AS fl, -1e3 AS ex, -0 AS z FROM t;
SELECT date_sub(d, -1) AS a, add_months(d, -12) AS b, x[size(x) - 1] AS c FROM t;
SELECT a FROM t WHERE b BETWEEN -10 AND - 2 ORDER BY a - 1 LIMIT 5;
SELECT a FROM t WHERE d >= current_date() - INTERVAL 7 DAYS AND d < current_date() - INTERVAL '1' DAY;
SELECT CAST(x AS /* h */ INTERVAL DAY) AS a FROM t;
SELECT x :: /* h /* nested */ */ interval hour AS a FROM t;
SELECT CAST(x AS
-- a comment
INTERVAL DAY) AS a FROM t;
SELECT - /* h */ 5 AS a, - -- a comment
  6 AS b FROM t;
SELECT INTERVAL 1 DAY 2 HOURS AS a FROM t;
SELECT INTERVAL '1 2' DAY TO HOUR AS a FROM t;
SELECT INTERVAL 1 YEAR 2 MONTHS AS a FROM t;
SELECT INTERVAL '1-2' YEAR TO MONTH AS a FROM t;
SELECT interval 3 weeks AS a FROM t;
SELECT INTERVAL -5 DAYS AS a FROM t;
SELECT INTERVAL '1.5' SECOND AS a FROM t;
SELECT d + INTERVAL '3 days' AS a FROM t;
SELECT INTERVAL '2 hours 30 minutes' AS a FROM t;
SELECT make_interval(1, 2) AS a, CAST('1 day' AS INTERVAL DAY) AS b FROM t;
SELECT date_add(d, INTERVAL 1 DAY) AS a FROM t;
SELECT try_cast('1' AS INTERVAL DAY) AS a FROM t;
SELECT INTERVAL 1 MICROSECOND + INTERVAL 2 MILLISECONDS AS a FROM t;
