-- no table: 0 bytes
SELECT 1 AS x
