SELECT a ! IN (1, 2) AS bad
FROM t
