WITH recent AS (
  SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
)
SELECT region, sum(amount) AS revenue FROM recent GROUP BY region
