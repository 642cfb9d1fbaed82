SELECT region, count(DISTINCT customer_id) AS customers, grouping(region) AS total
FROM main.sales.transactions
GROUP BY ROLLUP(region)
