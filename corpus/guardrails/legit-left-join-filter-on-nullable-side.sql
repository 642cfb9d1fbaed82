SELECT p.product_id, p.product_name, count(t.order_id) AS orders
FROM sales.products p
LEFT JOIN sales.transactions t
  ON t.product_id = p.product_id
 AND t.transaction_date >= DATE '2026-11-01'
 AND t.transaction_date < DATE '2026-11-24'
GROUP BY p.product_id, p.product_name
LIMIT 20000
