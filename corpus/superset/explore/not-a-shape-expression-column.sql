SELECT DISTINCT upper(region) AS column_values FROM sales.transactions LIMIT 10000
