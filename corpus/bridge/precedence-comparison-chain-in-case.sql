SELECT CASE WHEN a = b = c THEN 1 ELSE 0 END = 1 = flag AS nested
FROM t
