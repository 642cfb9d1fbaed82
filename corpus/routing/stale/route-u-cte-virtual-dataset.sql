WITH recent AS (
  SELECT region, channel, sum(amount) AS revenue FROM main.sales.transactions
  WHERE transaction_date >= current_date() - INTERVAL 10 DAYS
  GROUP BY region, channel)
SELECT region, revenue FROM recent WHERE channel = 'web'
