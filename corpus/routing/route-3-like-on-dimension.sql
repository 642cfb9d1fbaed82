SELECT region, count(*) AS orders
FROM main.sales.transactions
WHERE region LIKE 'n%'
GROUP BY region
