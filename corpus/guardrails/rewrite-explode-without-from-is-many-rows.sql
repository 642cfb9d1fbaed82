SELECT explode(array(1, 2, 3)) AS n
