SELECT region, stddev(amount) AS spread
FROM main.sales.transactions
GROUP BY region
