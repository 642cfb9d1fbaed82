WITH daily AS (
  SELECT transaction_date, sum(amount) AS revenue
  FROM sales.transactions
  GROUP BY transaction_date
)
SELECT avg(revenue) AS avg_daily_revenue, max(revenue) AS best_day
FROM daily
