SELECT t.order_id, r.name
FROM main.sales.transactions t
CROSS JOIN main.sales.regions r
