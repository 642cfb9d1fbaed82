SELECT a = b LIKE 'tru%' AS cmp_like
FROM t
