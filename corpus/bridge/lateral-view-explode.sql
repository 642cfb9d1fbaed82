SELECT p.product_id, tag
FROM main.sales.products p
LATERAL VIEW explode(p.tags) tag_table AS tag
