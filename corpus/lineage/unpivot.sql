SELECT region, quarter, amount
FROM (SELECT region, q1, q2 FROM sales.quarterly_wide)
UNPIVOT (amount FOR quarter IN (q1, q2))
