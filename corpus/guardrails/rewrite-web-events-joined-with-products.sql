SELECT p.category, count(*) AS product_views
FROM web.product_view_events v
JOIN sales.products p ON p.product_id = v.product_id
GROUP BY p.category
LIMIT 500
