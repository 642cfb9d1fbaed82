SELECT t.order_id, r.name
FROM main.sales.transactions t, main.sales.regions r
WHERE r.region_id = t.region_id
