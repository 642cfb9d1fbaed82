SELECT a IN (1, 2) = b AS bad
FROM t
