SELECT region, sum(amount) AS revenue
FROM (SELECT o.region, o.amount FROM sales.orders o WHERE o.status = 'paid') AS virtual_table
GROUP BY region
