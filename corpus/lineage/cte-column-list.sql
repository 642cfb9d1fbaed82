WITH t (r, total) AS (SELECT region, sum(amount) FROM sales.orders GROUP BY region)
SELECT r, total FROM t ORDER BY total DESC
