SELECT product_id, tag FROM sales.products LATERAL VIEW explode(tags) t AS tag
