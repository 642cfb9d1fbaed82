SELECT 'all' AS scope, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
