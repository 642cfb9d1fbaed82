SELECT name FROM sales.customers
WHERE segment IN (SELECT channel FROM sales.orders WHERE orders.customer_id = customers.customer_id)
