SELECT p.product_id, p.product_name
FROM sales.products p
WHERE NOT EXISTS (
  SELECT 1 FROM sales.transactions t
  WHERE t.product_id = p.product_id
    AND t.transaction_date >= current_date() - INTERVAL 90 DAYS
)
LIMIT 5000
