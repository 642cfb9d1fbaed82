SELECT explode(tags) AS tag FROM sales.products
