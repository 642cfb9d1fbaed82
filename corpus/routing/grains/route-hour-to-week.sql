SELECT date_trunc('week', transaction_ts) AS week, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('week', transaction_ts)
ORDER BY 1
