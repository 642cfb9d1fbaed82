SELECT region, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY ROLLUP(region, channel)
HAVING grouping(channel) = 1 OR sum(amount) > 1000
