SELECT date_trunc('week', transaction_date) AS week, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('week', transaction_date)
ORDER BY 1
