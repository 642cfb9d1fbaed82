SELECT *
FROM (SELECT region, quarter, amount, quantity FROM sales.orders)
PIVOT (sum(amount) AS revenue, sum(quantity) AS units FOR quarter IN ('Q1' AS q1, 'Q2' AS q2))
