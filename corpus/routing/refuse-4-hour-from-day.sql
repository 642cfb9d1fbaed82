SELECT date_trunc('hour', transaction_ts) AS hour, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('hour', transaction_ts)
