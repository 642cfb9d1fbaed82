SELECT customer_id, amount
FROM sales.transactions
WHERE to_date(transaction_ts) >= DATE '2026-11-01'
  AND to_date(transaction_ts) < DATE '2026-11-24'
LIMIT 1000
