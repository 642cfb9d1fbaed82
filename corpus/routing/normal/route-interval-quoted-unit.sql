SELECT date_trunc('day', transaction_ts + INTERVAL '2' HOUR) AS local_day, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_ts + INTERVAL '2' HOUR)
ORDER BY 1
