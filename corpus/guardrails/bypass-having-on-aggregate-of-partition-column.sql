SELECT region, sum(amount) AS revenue
FROM sales.transactions
GROUP BY region
HAVING max(transaction_date) >= '2026-11-01'
LIMIT 100
