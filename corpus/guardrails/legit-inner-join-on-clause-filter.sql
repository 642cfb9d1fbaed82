SELECT p.category, sum(t.amount) AS revenue
FROM sales.products p
JOIN sales.transactions t
  ON t.product_id = p.product_id
 AND t.transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
GROUP BY p.category
LIMIT 100
