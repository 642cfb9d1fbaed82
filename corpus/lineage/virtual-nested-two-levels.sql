SELECT bucket, count(*) AS n
FROM (SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END AS bucket
      FROM (SELECT customer_id, sum(amount) AS total FROM sales.orders GROUP BY customer_id) AS per_customer) AS virtual_table
GROUP BY bucket
