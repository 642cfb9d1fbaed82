SELECT t.order_id, p.product_name
FROM sales.transactions t
LEFT JOIN sales.products p
  ON p.product_id = t.product_id
 AND t.transaction_date >= DATE '2026-11-01'
LIMIT 1000
