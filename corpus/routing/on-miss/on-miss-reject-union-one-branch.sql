SELECT region, sum(amount) AS revenue FROM main.sales.transactions GROUP BY region
UNION ALL
SELECT status, sum(amount) AS revenue FROM main.sales.transactions GROUP BY status
