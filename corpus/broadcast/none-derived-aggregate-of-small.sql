SELECT d.category, t.amount
FROM main.sales.transactions t
JOIN (SELECT category, max(product_id) AS product_id FROM main.sales.products GROUP BY category) AS d
  ON d.product_id = t.product_id
