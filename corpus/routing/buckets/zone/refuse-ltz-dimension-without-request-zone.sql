SELECT date_trunc('month', transaction_ts) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE date_trunc('month', transaction_ts) >= TIMESTAMP '2026-01-01 00:00:00'
GROUP BY date_trunc('month', transaction_ts)
