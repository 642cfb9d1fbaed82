SELECT count(*) AS orders, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-01 00:00:00'
