SELECT p.category, s.revenue
FROM sales.products p
JOIN (
  SELECT product_id, sum(amount) AS revenue
  FROM sales.transactions
  GROUP BY product_id
) s ON s.product_id = p.product_id
LIMIT 1000
