SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= date_trunc('month', current_timestamp()) - INTERVAL 2 MONTHS
GROUP BY channel
