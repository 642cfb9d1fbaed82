SELECT a.order_id, b.order_id AS other_order
FROM sales.transactions a, sales.transactions b
WHERE a.transaction_date = DATE '2026-11-23'
  AND b.transaction_date = a.transaction_date
  AND b.customer_id = a.customer_id
LIMIT 100
