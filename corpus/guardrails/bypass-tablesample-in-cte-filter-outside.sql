-- Same through a CTE.
WITH s AS (SELECT * FROM main.sales.transactions TABLESAMPLE (5 PERCENT))
SELECT region, sum(amount) AS revenue FROM s WHERE transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 100
