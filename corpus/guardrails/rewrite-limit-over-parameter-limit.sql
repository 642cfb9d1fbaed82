-- LIMIT :n cannot be checked against the cap: the cap is applied in its place.
SELECT product_id FROM main.sales.products LIMIT :n
