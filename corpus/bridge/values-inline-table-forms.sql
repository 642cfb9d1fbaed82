-- Inline tables: several in one FROM list, column names without a table name.
SELECT *
FROM VALUES 1, 2 AS a(x), VALUES (3, 'c') AS (y, z), (VALUES (4), (5)) AS (w)
