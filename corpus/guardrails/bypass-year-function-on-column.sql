SELECT month(transaction_date) AS m, sum(amount) AS revenue
FROM sales.transactions
WHERE year(transaction_date) = 2026
GROUP BY month(transaction_date)
LIMIT 12
