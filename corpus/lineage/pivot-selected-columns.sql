SELECT region, q1
FROM (SELECT region, quarter, amount FROM sales.orders)
PIVOT (sum(amount) FOR quarter IN ('Q1' AS q1, 'Q2' AS q2))
WHERE region <> 'test'
