SELECT region AS region, sum(amount) AS `SUM(amount)`, count(*) AS count, COUNT(DISTINCT channel) AS `COUNT_DISTINCT(channel)`
FROM main.sales.transactions
GROUP BY region
ORDER BY `SUM(amount)` DESC
LIMIT 100
