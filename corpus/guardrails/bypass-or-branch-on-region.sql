SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE (transaction_date >= DATE '2026-10-01' AND transaction_date < DATE '2026-11-01')
   OR region = 'EMEA'
GROUP BY region
LIMIT 1000
