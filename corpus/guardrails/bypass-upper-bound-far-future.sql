SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-01-01'
  AND transaction_date < DATE '2028-01-01'
GROUP BY store_id
LIMIT 100
