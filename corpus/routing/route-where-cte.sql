WITH by_region AS (
  SELECT region, sum(amount) AS revenue FROM main.sales.transactions GROUP BY region
)
SELECT region, revenue FROM by_region ORDER BY revenue DESC LIMIT 5
