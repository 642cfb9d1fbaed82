SELECT month(transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY month(transaction_date)
ORDER BY 1
