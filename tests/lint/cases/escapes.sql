SELECT 'a,b:c' AS `x:y`,
  100% AS pct FROM sales.products
