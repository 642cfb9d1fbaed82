SELECT order_id FROM sales.transactions WHERE transaction_date = DATE '2026-11-23' LIMIT 10;
DELETE FROM sales.transactions WHERE transaction_date = DATE '2026-11-23'
