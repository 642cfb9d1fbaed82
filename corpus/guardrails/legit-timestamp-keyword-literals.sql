SELECT customer_id, amount, transaction_ts
FROM sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-20 00:00:00'
  AND transaction_ts <= TIMESTAMP '2026-11-23 23:59:59'
ORDER BY transaction_ts DESC
LIMIT 500
