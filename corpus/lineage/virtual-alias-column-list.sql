SELECT r, a
FROM (SELECT region, sum(amount) FROM sales.orders GROUP BY region) AS v (r, a)
WHERE a > 10
