SELECT t.order_id, p.category
FROM main.sales.products p
RIGHT JOIN main.sales.transactions t ON p.product_id = t.product_id
