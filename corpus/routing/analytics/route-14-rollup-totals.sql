SELECT region, channel, sum(amount) AS revenue, count(*) AS orders, avg(quantity) AS avg_quantity, grouping_id(region, channel) AS level
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01'
GROUP BY ROLLUP(region, channel)
ORDER BY level, region, channel
