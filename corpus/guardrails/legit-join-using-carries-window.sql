SELECT a.order_id, b.order_id AS refund_id
FROM sales.transactions a
JOIN sales.transactions b USING (transaction_date)
WHERE a.transaction_date >= DATE '2026-11-01'
LIMIT 100
