SELECT region, channel, count(*) AS n
FROM main.sales.transactions
GROUP BY region, channel WITH CUBE
ORDER BY region, channel
