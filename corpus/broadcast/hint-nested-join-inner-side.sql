SELECT p.category, r.name
FROM main.sales.transactions t
LEFT JOIN (main.sales.products p JOIN main.sales.regions r ON r.region_id = p.region_id)
  ON p.product_id = t.product_id
