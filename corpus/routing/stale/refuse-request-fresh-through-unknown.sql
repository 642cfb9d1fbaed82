-- request: {"fresh_through": {"main.sales.no_such_aggregate": "2026-11-23"}}
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-10'
GROUP BY region
