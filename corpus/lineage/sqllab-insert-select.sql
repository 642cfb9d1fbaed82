INSERT INTO sales.orders_archive SELECT order_id, amount FROM sales.orders WHERE order_date < DATE '2025-01-01'
