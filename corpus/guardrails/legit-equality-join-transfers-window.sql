SELECT a.customer_id, count(*) AS same_day_orders
FROM sales.transactions a
JOIN sales.transactions b
  ON b.customer_id = a.customer_id
 AND b.transaction_date = a.transaction_date
 AND b.order_id <> a.order_id
WHERE a.transaction_date >= DATE '2026-11-01'
  AND a.transaction_date < DATE '2026-11-24'
GROUP BY a.customer_id
LIMIT 1000
