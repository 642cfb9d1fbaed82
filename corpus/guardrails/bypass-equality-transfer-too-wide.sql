SELECT a.customer_id, count(*) AS same_day_orders
FROM sales.transactions a
JOIN sales.transactions b
  ON b.transaction_date = a.transaction_date AND b.customer_id = a.customer_id
WHERE a.transaction_date >= DATE '2023-01-01'
  AND a.transaction_date < DATE '2026-01-01'
GROUP BY a.customer_id
LIMIT 100
