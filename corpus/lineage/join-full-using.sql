SELECT customer_id FROM sales.orders FULL OUTER JOIN sales.customers USING (customer_id)
