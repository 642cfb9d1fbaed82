SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-01 14:30:00'
GROUP BY channel
