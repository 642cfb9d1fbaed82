SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts = TIMESTAMP '2026-10-05 00:00:00'
GROUP BY channel
