SELECT product_id, product_name
FROM sales.products
WHERE product_id IN (
  SELECT product_id FROM sales.transactions
  WHERE transaction_date >= DATE '2026-11-01' AND quantity > 50
)
LIMIT 1000
