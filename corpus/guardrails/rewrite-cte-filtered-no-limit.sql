WITH last_month AS (
  SELECT customer_id, amount
  FROM sales.transactions
  WHERE transaction_date >= add_months(current_date(), -1)
)
SELECT customer_id, sum(amount) AS spend
FROM last_month
GROUP BY customer_id
ORDER BY spend DESC
