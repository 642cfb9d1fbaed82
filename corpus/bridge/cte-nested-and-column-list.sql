WITH outer_cte (region, total) AS (
  WITH inner_cte AS (SELECT region, amount FROM main.sales.transactions)
  SELECT region, sum(amount) FROM inner_cte GROUP BY region
)
SELECT * FROM outer_cte
