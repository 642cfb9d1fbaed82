SELECT o.order_id, c.name FROM sales.orders o, sales.customers c WHERE o.customer_id = c.customer_id
