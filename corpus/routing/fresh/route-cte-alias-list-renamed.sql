WITH d (day, revenue) AS (
  SELECT transaction_date, sum(amount)
  FROM main.sales.transactions
  GROUP BY transaction_date)
SELECT day, revenue FROM d WHERE day < '2026-10-01' ORDER BY day
