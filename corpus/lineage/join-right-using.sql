SELECT customer_id FROM sales.orders RIGHT JOIN sales.customers USING (customer_id)
