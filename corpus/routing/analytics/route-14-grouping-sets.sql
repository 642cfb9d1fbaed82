SELECT region, channel, avg(amount) AS avg_amount, count_if(status = 'paid') AS paid, grouping_id(channel, region) AS g
FROM main.sales.transactions
GROUP BY GROUPING SETS ((region, channel), (region), ())
