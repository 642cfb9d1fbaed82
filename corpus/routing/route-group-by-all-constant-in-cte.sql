WITH t AS (
  SELECT 7 AS week_no, region, sum(amount) AS revenue
  FROM main.sales.transactions
  WHERE transaction_date >= '2026-11-01'
  GROUP BY ALL)
SELECT region, revenue FROM t ORDER BY revenue DESC LIMIT 5
