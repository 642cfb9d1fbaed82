SELECT explode(collect_list(product_id)) AS product_id FROM sales.products
