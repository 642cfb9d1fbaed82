SELECT region, avg(DISTINCT amount) AS avg_distinct
FROM main.sales.transactions
GROUP BY region
