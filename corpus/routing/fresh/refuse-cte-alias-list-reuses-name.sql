WITH d (transaction_date, real_day, revenue) AS (
  SELECT date_add(transaction_date, -40), transaction_date, sum(amount)
  FROM main.sales.transactions
  GROUP BY transaction_date)
SELECT transaction_date, revenue FROM d WHERE transaction_date < '2026-10-01'
