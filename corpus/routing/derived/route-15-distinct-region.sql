SELECT DISTINCT region
FROM main.sales.transactions
ORDER BY 1
