SELECT t.region, p.name FROM sales.transactions t JOIN sales.products p ON p.product_id = t.product_id LIMIT 1000
