-- The CTE reference renames the date to d_day.
WITH d AS (SELECT transaction_date, amount FROM main.sales.transactions)
SELECT sum(amount) AS revenue FROM d AS x (d_day, amount) WHERE d_day >= DATE '2026-11-01' LIMIT 100
