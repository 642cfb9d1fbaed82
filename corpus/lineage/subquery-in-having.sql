SELECT o.region, sum(o.amount) AS revenue FROM sales.orders o
GROUP BY o.region
HAVING sum(o.amount) > (SELECT avg(t.target) FROM sales.targets t WHERE t.region = o.region)
