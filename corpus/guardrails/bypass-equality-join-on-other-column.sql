SELECT a.order_id, b.order_id AS follow_up
FROM sales.transactions a
JOIN sales.transactions b ON b.transaction_date = a.shipped_date
WHERE a.transaction_date BETWEEN DATE '2026-11-01' AND DATE '2026-11-20'
LIMIT 1000
