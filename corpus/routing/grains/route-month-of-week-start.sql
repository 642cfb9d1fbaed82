SELECT date_trunc('month', date_trunc('week', transaction_date)) AS month, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('month', date_trunc('week', transaction_date))
