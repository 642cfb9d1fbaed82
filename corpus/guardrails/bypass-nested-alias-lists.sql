-- Two alias lists in a row: the CTE renames the date to x, the derived
-- table renames x to y and ship_date to transaction_date.
WITH c (x, z) AS (SELECT transaction_date, ship_date FROM main.sales.transactions)
SELECT count(*) AS n FROM (SELECT x, z FROM c) AS d (y, transaction_date) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
