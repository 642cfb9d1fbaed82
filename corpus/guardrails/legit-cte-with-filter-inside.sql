WITH recent AS (
  SELECT customer_id, amount
  FROM sales.transactions
  WHERE transaction_date >= date_sub(current_date(), 60)
)
SELECT customer_id, sum(amount) AS spend
FROM recent
GROUP BY customer_id
ORDER BY spend DESC
LIMIT 100
