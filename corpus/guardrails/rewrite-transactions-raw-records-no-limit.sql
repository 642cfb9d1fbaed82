SELECT order_id, customer_id, amount, transaction_ts
FROM sales.transactions
WHERE transaction_date >= CAST('2026-11-20' AS DATE)
  AND transaction_date < CAST('2026-11-24' AS DATE)
ORDER BY transaction_ts DESC
