-- GROUP BY a, b WITH ROLLUP is Spark's spelling of GROUP BY ROLLUP(a, b).
SELECT region, channel, count(*) AS n
FROM main.sales.transactions
GROUP BY region, channel WITH ROLLUP
