WITH transactions AS (
  SELECT product_id, list_price AS amount FROM sales.products
)
SELECT product_id, amount
FROM transactions
LIMIT 100
