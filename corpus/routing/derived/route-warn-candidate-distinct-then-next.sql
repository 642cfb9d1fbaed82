SELECT DISTINCT region
FROM main.sales.transactions
WHERE region <> 'south'
ORDER BY 1
