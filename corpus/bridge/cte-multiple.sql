WITH daily AS (
  SELECT transaction_date AS d, sum(amount) AS revenue
  FROM main.sales.transactions
  GROUP BY transaction_date
), ranked AS (
  SELECT d, revenue, rank() OVER (ORDER BY revenue DESC) AS r
  FROM daily
)
SELECT d, revenue FROM ranked WHERE r <= 10
