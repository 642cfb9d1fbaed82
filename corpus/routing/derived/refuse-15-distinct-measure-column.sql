SELECT DISTINCT region, amount
FROM main.sales.transactions
ORDER BY 1, 2
