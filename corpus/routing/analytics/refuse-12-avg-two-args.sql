SELECT region, avg(amount, quantity) AS bad
FROM main.sales.transactions
GROUP BY region
