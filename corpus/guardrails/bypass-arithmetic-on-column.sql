SELECT customer_id, amount
FROM sales.transactions
WHERE transaction_date + INTERVAL 1 DAY >= DATE '2026-11-01'
  AND transaction_date + INTERVAL 1 DAY < DATE '2026-11-20'
LIMIT 1000
