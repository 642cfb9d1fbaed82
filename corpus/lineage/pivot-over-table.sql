SELECT * FROM sales.quarterly PIVOT (sum(amount) FOR quarter IN ('Q1', 'Q2'))
