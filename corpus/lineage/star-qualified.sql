SELECT c.*, o.amount FROM sales.orders o JOIN sales.customers c ON o.customer_id = c.customer_id
