-- current_date() is evaluated once per query: deterministic for Spark's
-- pushdown, the filter reaches the scan.
SELECT * FROM (SELECT current_date() AS today, transaction_date, amount FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
