SELECT day, sum(amount) AS revenue
FROM (SELECT to_date(o.created_at) AS day, o.amount
      FROM sales.orders o
      WHERE o.created_at >= date_sub(current_date(), 30) AND o.sku RLIKE '^A') AS virtual_table
GROUP BY day
