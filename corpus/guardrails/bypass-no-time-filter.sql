SELECT region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
GROUP BY region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
