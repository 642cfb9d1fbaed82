SELECT * FROM sales.orders o LEFT SEMI JOIN sales.blocked b ON o.customer_id = b.customer_id
