SELECT region, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY GROUPING SETS ((region), (channel))
