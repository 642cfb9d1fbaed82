SELECT 1_000 AS thousand
FROM t
