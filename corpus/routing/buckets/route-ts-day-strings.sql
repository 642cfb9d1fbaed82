SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= '2026-10-05' AND transaction_ts < '2026-10-12'
GROUP BY channel
