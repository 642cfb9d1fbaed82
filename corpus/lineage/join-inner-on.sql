SELECT o.order_id, c.name FROM sales.orders o JOIN sales.customers c ON o.customer_id = c.customer_id
