SELECT order_id FROM sales.orders ORDER BY order_date DESC, amount
