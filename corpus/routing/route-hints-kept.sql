SELECT /*+ REPARTITION(4) */ region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
