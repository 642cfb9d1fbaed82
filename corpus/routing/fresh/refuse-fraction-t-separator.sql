SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date < TIMESTAMP '2026-11-01T00:00:00.5'
GROUP BY region
