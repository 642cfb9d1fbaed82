SELECT region, count(*) AS `count`
FROM sales.transactions
WHERE transaction_date IS NOT NULL
GROUP BY region
ORDER BY `count` DESC
LIMIT 10000
