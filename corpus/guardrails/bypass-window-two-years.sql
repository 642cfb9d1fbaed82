SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= CAST('2024-11-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY region
LIMIT 10000
