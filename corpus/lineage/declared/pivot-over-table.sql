SELECT * FROM sales.quarterly PIVOT (sum(amount) FOR quarter IN ('Q1' AS q1, 'Q2' AS q2))
