FROM main.sales.products SELECT product_id
