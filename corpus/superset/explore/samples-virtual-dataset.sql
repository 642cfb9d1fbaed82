SELECT order_day AS order_day, region AS region, amount AS amount
FROM (
  SELECT t.transaction_date AS order_day, t.region, t.amount
  FROM sales.transactions t
  JOIN sales.products p ON p.product_id = t.product_id
) AS virtual_table
LIMIT 1000
