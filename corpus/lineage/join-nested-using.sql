SELECT o.order_id FROM sales.orders o JOIN sales.customers c USING (customer_id) JOIN sales.accounts a USING (customer_id)
