SELECT DISTINCT region AS column_values
FROM sales.transactions
WHERE region IS NOT NULL
LIMIT 10000
