SELECT region, count(*) AS n
FROM (SELECT * FROM sales.orders o JOIN sales.customers c ON o.customer_id = c.customer_id) AS virtual_table
GROUP BY region
