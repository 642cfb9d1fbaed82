SELECT t.order_id, p.category
FROM main.sales.transactions t
FULL JOIN main.sales.products p ON p.product_id = t.product_id
