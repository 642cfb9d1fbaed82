SELECT region, sum(DISTINCT customer_id) AS s, min(DISTINCT customer_id) AS lo, max(DISTINCT customer_id) AS hi
FROM main.sales.transactions
GROUP BY region
