SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE /* transaction_date >= DATE '2026-11-01' AND */ region = 'APAC'
GROUP BY region
LIMIT 100
