SELECT region, sum(amount) AS revenue, grouping_id(region, amount) AS g
FROM main.sales.transactions
GROUP BY ROLLUP(region)
