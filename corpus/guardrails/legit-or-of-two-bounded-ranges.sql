SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE (transaction_date >= DATE '2026-11-01' AND transaction_date < DATE '2026-11-08')
   OR (transaction_date >= DATE '2025-11-01' AND transaction_date < DATE '2025-11-08')
GROUP BY region
LIMIT 100
