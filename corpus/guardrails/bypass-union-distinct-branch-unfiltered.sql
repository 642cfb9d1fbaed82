SELECT order_id, amount FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
UNION
SELECT order_id, amount FROM main.sales.transactions WHERE amount > 1000
LIMIT 1000
