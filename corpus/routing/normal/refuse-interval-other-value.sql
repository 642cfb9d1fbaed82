SELECT date_trunc('day', transaction_ts + INTERVAL 3 HOURS) AS local_day, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_ts + INTERVAL 3 HOURS)
ORDER BY 1
