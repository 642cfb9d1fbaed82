SELECT product_id FROM sales.products WHERE category = 'Toys'
UNION
SELECT product_id FROM sales.products WHERE category = 'Games'
