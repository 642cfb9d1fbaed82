SELECT date_trunc('month', transaction_date) AS month, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('month', transaction_date)
