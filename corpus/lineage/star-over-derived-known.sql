SELECT * FROM (SELECT region, amount FROM sales.orders) AS v
