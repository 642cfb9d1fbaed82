-- The CTE reference's own alias list swaps the two dates.
WITH d AS (SELECT transaction_date, ship_date FROM main.sales.transactions)
SELECT count(*) AS n FROM d AS x (ship_date, transaction_date) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
