SELECT region, sum(amount) AS revenue, sum(sum(amount)) OVER () AS grand_total
FROM sales.orders GROUP BY region
