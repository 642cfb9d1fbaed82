SELECT *
FROM (SELECT region, quarter, amount FROM sales.orders)
PIVOT (sum(amount) FOR quarter IN ('Q1', 'Q2', 'Q3', 'Q4'))
