SELECT *
FROM main.finance.quarterly_revenue
UNPIVOT (revenue FOR quarter IN (q1, q2, q3, q4))
