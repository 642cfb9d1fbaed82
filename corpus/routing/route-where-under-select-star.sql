SELECT *
FROM (SELECT region, sum(amount) AS revenue FROM main.sales.transactions GROUP BY region) s
WHERE s.revenue > 0
