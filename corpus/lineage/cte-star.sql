WITH c AS (SELECT * FROM sales.orders WHERE amount > 0)
SELECT region, count(*) AS n FROM c GROUP BY region
