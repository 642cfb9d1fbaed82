SELECT region, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY region, channel WITH CUBE
