WITH stale AS (SELECT product_id FROM sales.products WHERE discontinued)
DELETE FROM sales.products WHERE product_id IN (SELECT product_id FROM stale)
