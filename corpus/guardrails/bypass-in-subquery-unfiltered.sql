SELECT product_id, product_name
FROM sales.products
WHERE product_id IN (SELECT product_id FROM sales.transactions WHERE amount > 500)
LIMIT 1000
