SELECT region, revenue
FROM (SELECT region, sum(amount) AS revenue FROM sales.orders GROUP BY region) AS virtual_table
WHERE revenue > 100000
