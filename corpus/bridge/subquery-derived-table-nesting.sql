SELECT x.region, x.total
FROM (SELECT region, total FROM (SELECT region, sum(amount) AS total FROM main.sales.transactions GROUP BY region) y WHERE total > 0) AS x
