SELECT t.order_id, p.category, r.name
FROM main.sales.transactions t
LEFT JOIN main.sales.products p ON p.product_id = t.product_id
LEFT JOIN main.sales.regions r ON r.region_id = t.region_id
