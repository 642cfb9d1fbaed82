SELECT region, sum(amount) FROM sales.orders GROUP BY region ORDER BY 2 DESC
