SELECT 'void' AS scope, count(*) AS orders
FROM main.sales.transactions
WHERE status = 'void'
GROUP BY 1
