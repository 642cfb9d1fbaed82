SELECT p.category, t.amount
FROM sales.products p
RIGHT OUTER JOIN sales.transactions t
  ON t.product_id = p.product_id
 AND t.transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
LIMIT 1000
