SELECT region, stddev(DISTINCT customer_id) AS sd
FROM main.sales.transactions
GROUP BY region
