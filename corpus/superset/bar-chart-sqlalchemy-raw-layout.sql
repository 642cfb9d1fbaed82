SELECT region AS region, sum(amount) AS `SUM(amount)` 
FROM main.sales.transactions 
WHERE transaction_date >= CAST('2026-05-01' AS DATE) AND transaction_date < CAST('2026-06-01' AS DATE) GROUP BY region ORDER BY `SUM(amount)` DESC
 LIMIT 10000
