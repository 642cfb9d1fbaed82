SELECT p.product_id, tag
FROM main.sales.products p LATERAL VIEW explode(p.tags) x AS tag
