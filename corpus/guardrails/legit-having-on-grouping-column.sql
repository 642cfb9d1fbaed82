SELECT transaction_date, sum(amount) AS revenue
FROM sales.transactions
GROUP BY transaction_date
HAVING transaction_date >= '2026-11-01'
LIMIT 100
