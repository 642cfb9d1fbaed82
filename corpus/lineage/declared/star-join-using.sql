SELECT * FROM sales.orders JOIN sales.customers USING (customer_id)
