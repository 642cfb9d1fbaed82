SELECT t.order_id, p.category FROM main.sales.products p JOIN main.sales.transactions t ON t.product_id = p.product_id LIMIT 100
