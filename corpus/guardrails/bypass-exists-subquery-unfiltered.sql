SELECT p.product_id, p.product_name
FROM sales.products p
WHERE EXISTS (
  SELECT 1 FROM sales.transactions t
  WHERE t.product_id = p.product_id AND t.quantity > 100
)
LIMIT 1000
