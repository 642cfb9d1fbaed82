SELECT region, sum(amount)
FROM main.sales.transactions
GROUP BY region
