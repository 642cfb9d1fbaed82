SELECT region, avg(amount) AS avg_amount
FROM main.sales.transactions
GROUP BY region
