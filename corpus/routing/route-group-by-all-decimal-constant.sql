SELECT 2.5 AS ratio, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY ALL
