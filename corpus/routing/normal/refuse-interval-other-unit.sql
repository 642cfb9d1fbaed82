SELECT date_trunc('day', transaction_ts + INTERVAL 120 MINUTES) AS local_day, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_ts + INTERVAL 120 MINUTES)
ORDER BY 1
