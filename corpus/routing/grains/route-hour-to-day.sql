SELECT date_trunc('day', transaction_ts) AS day, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_ts), channel
ORDER BY 1, 2
