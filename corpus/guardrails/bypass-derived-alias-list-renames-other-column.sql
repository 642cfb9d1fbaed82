-- (...) AS d (a, b) renames by position, as a CTE's list does.
SELECT count(*) AS n FROM (SELECT ship_date, transaction_date FROM main.sales.transactions) AS d (transaction_date, real_day) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
