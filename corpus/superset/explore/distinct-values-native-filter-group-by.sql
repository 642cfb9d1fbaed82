SELECT region AS region
FROM sales.transactions
GROUP BY region
ORDER BY region ASC
LIMIT 1000
