SELECT a.order_id, b.order_id AS refund_id
FROM sales.transactions a
LEFT JOIN sales.transactions b USING (transaction_date)
WHERE b.transaction_date >= DATE '2026-11-01' OR b.transaction_date IS NULL
LIMIT 100
