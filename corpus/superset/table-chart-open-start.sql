SELECT region AS region,
       count(*) AS `count`
FROM main.sales.transactions
WHERE transaction_date < CAST('2026-07-01' AS DATE)
GROUP BY region
ORDER BY `count` DESC
LIMIT 10000
