SELECT customer_segment, count(*) AS orders
FROM (SELECT o.order_id, c.segment AS customer_segment
      FROM sales.orders o LEFT JOIN sales.customers c ON o.customer_id = c.customer_id) AS virtual_table
GROUP BY customer_segment
ORDER BY orders DESC
LIMIT 100
