SELECT transaction_date, region, sum(amount) AS revenue
FROM sales.transactions
GROUP BY ROLLUP (transaction_date, region)
HAVING transaction_date >= '2026-11-01'
LIMIT 100
