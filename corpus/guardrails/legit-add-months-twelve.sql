SELECT month(transaction_date) AS m, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= add_months(current_date(), -12)
GROUP BY month(transaction_date)
ORDER BY m
LIMIT 12
