SELECT explode(collect_list(region)) AS r
FROM main.sales.transactions
