SELECT customer_id, sum(amount) AS spend
FROM sales.transactions
WHERE transaction_date >= date_sub(DATE '2026-11-01', 28)
  AND transaction_date < DATE '2026-11-01'
GROUP BY customer_id
LIMIT 100
