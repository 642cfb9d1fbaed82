SELECT region, channel, sum(amount) FROM sales.orders GROUP BY 1, 2
