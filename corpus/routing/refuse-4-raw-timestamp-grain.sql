SELECT date_trunc('day', transaction_ts) AS day, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_ts)
