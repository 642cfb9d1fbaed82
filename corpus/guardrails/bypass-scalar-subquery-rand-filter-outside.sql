-- A scalar subquery that calls rand() is a non-deterministic column.
SELECT * FROM (SELECT (SELECT rand()) AS r, transaction_date, amount FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
