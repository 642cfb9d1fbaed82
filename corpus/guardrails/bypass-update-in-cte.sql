WITH changed AS (UPDATE sales.products SET price = 0 RETURNING *)
SELECT count(*) FROM changed
