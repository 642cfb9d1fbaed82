SELECT customer_id, sum(amount) AS spend
FROM sales.transactions
WHERE transaction_date >= date_sub(current_date(), 90)
  AND transaction_date < current_date()
GROUP BY customer_id
ORDER BY spend DESC
LIMIT 100
