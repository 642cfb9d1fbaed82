SELECT a LIKE 'x%' IN (true) AS bad
FROM t
