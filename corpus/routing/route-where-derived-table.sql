SELECT s.region, s.revenue
FROM (SELECT region, sum(amount) AS revenue FROM main.sales.transactions GROUP BY region) AS s
WHERE s.revenue > 0
ORDER BY 1
