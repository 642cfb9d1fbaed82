SELECT p.product_id, tag
FROM main.sales.products p
LATERAL VIEW OUTER explode(p.tags) t AS tag
WHERE p.category = 'audio'
