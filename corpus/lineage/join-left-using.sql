SELECT customer_id, o.amount FROM sales.orders o LEFT JOIN sales.customers c USING (customer_id)
