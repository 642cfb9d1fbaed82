WITH orders AS (SELECT order_id, amount FROM sales.orders_raw WHERE valid)
SELECT order_id, amount FROM orders
