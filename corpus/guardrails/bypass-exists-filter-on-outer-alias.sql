SELECT a.customer_id, a.amount
FROM sales.transactions a
WHERE a.transaction_date >= DATE '2026-11-01'
  AND NOT EXISTS (
    SELECT 1 FROM sales.transactions b
    WHERE b.customer_id = a.customer_id
      AND a.transaction_date >= DATE '2026-11-01'
      AND b.order_id < a.order_id
  )
LIMIT 1000
