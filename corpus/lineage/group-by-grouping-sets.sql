SELECT region, channel, sum(amount) AS total FROM sales.orders GROUP BY GROUPING SETS ((region), (channel), ())
