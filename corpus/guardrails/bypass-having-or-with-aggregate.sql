SELECT transaction_date, sum(amount) AS revenue
FROM sales.transactions
GROUP BY transaction_date
HAVING transaction_date >= '2026-11-01' OR sum(amount) > 1000000
LIMIT 100
