SELECT region, total
FROM (WITH totals AS (SELECT region, sum(amount) AS total FROM sales.orders GROUP BY region)
      SELECT region, total FROM totals WHERE total > 0) AS virtual_table
ORDER BY total DESC
