SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01' AND rand() < 0.5
GROUP BY region
