SELECT r.name, p.category
FROM main.sales.products p
JOIN main.sales.regions r ON r.region_id = p.region_id
