WITH nov AS (
  SELECT customer_id, order_id, amount
  FROM sales.transactions
  WHERE transaction_date BETWEEN DATE '2026-11-01' AND DATE '2026-11-23'
)
SELECT a.customer_id, count(*) AS pairs
FROM nov a
JOIN nov b ON b.customer_id = a.customer_id AND b.order_id > a.order_id
GROUP BY a.customer_id
LIMIT 1000
