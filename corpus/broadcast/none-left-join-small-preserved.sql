SELECT p.product_id, t.order_id
FROM main.sales.products p
LEFT JOIN main.sales.transactions t ON p.product_id = t.product_id
