SELECT coalesce(a.customer_id, b.customer_id) AS customer_id
FROM sales.transactions a
FULL OUTER JOIN sales.transactions b
  ON b.customer_id = a.customer_id
 AND a.transaction_date >= DATE '2026-11-01'
 AND b.transaction_date >= DATE '2026-11-01'
LIMIT 1000
