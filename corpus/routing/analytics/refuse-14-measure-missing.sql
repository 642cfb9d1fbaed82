SELECT region, stddev(amount) AS sd
FROM main.sales.transactions
GROUP BY ROLLUP(region)
