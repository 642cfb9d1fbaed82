SELECT region, channel, sum(amount) AS total
FROM main.sales.transactions
GROUP BY GROUPING SETS ((region, channel), (region), ())
