SELECT region, avg(amount * 2) AS avg_double_amount
FROM main.sales.transactions
GROUP BY region
