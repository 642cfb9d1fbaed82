SELECT region, sum(amount) AS revenue
FROM main.sales.transactions LATERAL VIEW explode(array(1, 2)) x AS n
GROUP BY region
