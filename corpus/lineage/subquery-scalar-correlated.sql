SELECT c.customer_id,
       (SELECT max(o.amount) FROM sales.orders o WHERE o.customer_id = c.customer_id) AS biggest
FROM sales.customers c
