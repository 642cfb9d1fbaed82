SELECT region AS region, sum(amount) AS `SUM(amount)`
FROM sales.transactions
GROUP BY region
LIMIT 1000
