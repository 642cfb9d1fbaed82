SELECT product_id, category FROM main.sales.products
