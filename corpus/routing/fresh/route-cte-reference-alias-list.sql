WITH d AS (
  SELECT transaction_date, region, sum(amount) AS revenue
  FROM main.sales.transactions GROUP BY transaction_date, region)
SELECT day, region, revenue FROM d AS e (day, region, revenue) WHERE day < '2026-10-15'
