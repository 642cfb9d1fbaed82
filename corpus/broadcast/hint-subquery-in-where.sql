SELECT t.order_id
FROM main.sales.transactions t
WHERE t.product_id IN (SELECT p.product_id FROM main.sales.products p JOIN main.sales.regions r ON r.region_id = p.region_id WHERE r.name = 'north')
