WITH unused AS (SELECT * FROM sales.returns)
SELECT region FROM sales.orders
