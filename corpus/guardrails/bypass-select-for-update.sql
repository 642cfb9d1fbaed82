SELECT product_id, list_price
FROM sales.products
WHERE product_id = 42
LIMIT 1
FOR UPDATE
