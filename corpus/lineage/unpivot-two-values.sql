SELECT region, quarter, a, b
FROM (SELECT region, q1_amount, q1_units, q2_amount, q2_units FROM sales.quarterly_wide)
UNPIVOT ((a, b) FOR quarter IN ((q1_amount, q1_units) AS q1, (q2_amount, q2_units) AS q2))
