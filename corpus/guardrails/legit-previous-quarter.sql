SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= date_trunc('quarter', current_date()) - INTERVAL 3 MONTHS
  AND transaction_date < date_trunc('quarter', current_date())
GROUP BY store_id
LIMIT 1000
