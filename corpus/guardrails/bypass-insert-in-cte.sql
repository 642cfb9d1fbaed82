WITH added AS (INSERT INTO sales.products (product_id) VALUES (1) RETURNING *)
SELECT * FROM added LIMIT 10
