-- Without the session's zone, where a TIMESTAMP's days split is unknown.
SELECT date_trunc('day', transaction_ts) AS `day`, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-18 00:00:00'
GROUP BY date_trunc('day', transaction_ts)
