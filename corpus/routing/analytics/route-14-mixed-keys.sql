SELECT region, channel, sum(amount) AS revenue, grouping_id(region, channel) AS g
FROM main.sales.transactions
GROUP BY region, CUBE(channel)
