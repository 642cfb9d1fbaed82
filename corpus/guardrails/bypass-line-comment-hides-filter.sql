SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE region = 'EMEA' -- AND transaction_date >= DATE '2026-11-01'
GROUP BY region
LIMIT 100
