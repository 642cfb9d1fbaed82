SELECT region, round(avg(amount), 2) AS avg_amount, avg(weight) * 2 AS twice, sum(amount) / avg(amount) AS n
FROM main.sales.transactions
GROUP BY region
