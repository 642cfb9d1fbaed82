SELECT d.category, t.amount
FROM main.sales.transactions t
JOIN (SELECT p.product_id, p.category FROM main.sales.products p JOIN main.sales.regions r ON r.region_id = p.region_id) AS d
  ON d.product_id = t.product_id
