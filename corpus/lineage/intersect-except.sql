SELECT customer_id FROM sales.orders
INTERSECT
SELECT customer_id FROM sales.customers WHERE active
EXCEPT
SELECT customer_id FROM sales.blocked
