SELECT order_id, note
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-20'
  AND note LIKE 'x%' = true
