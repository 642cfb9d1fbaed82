-- WITH d (transaction_date, real_day) renames by position: the outer bound
-- is on ship_date, the fact's date is real_day and unbounded.
WITH d (transaction_date, real_day) AS (SELECT ship_date, transaction_date FROM main.sales.transactions)
SELECT count(*) AS n FROM d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
