SELECT name FROM sales.customers c
WHERE EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = c.customer_id AND amount > 100)
