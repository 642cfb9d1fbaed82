WITH products AS (
  SELECT product_id, amount FROM sales.transactions
)
SELECT product_id, sum(amount) AS revenue
FROM products
GROUP BY product_id
LIMIT 100
