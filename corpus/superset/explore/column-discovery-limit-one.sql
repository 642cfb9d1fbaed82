SELECT t.region, sum(t.amount) AS revenue
FROM sales.transactions t
GROUP BY t.region
LIMIT 1
