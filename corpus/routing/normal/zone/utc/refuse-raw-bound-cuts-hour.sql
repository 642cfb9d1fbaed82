SELECT date_trunc('day', transaction_ts) AS d, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-10-30 06:30:00'
GROUP BY 1
ORDER BY 1
