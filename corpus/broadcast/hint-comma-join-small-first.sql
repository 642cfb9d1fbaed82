SELECT t.order_id, r.name
FROM main.sales.regions r, main.sales.transactions t
WHERE r.region_id = t.region_id
