SELECT 1 AS one, 'x' AS label, current_date() AS today FROM sales.orders LIMIT 1
