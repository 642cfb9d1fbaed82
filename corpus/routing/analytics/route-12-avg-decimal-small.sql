SELECT region, avg(price) AS avg_price
FROM main.sales.transactions
GROUP BY region
