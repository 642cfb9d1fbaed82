-- request: {"fresh_through": {"main.sales.revenue_by_day_region": "2026-11-17"}}
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-10'
GROUP BY region
