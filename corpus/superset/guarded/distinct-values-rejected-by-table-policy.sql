SELECT DISTINCT region AS column_values
FROM sales.transactions
LIMIT 10000
