SELECT region, mean(amount) AS mean_amount
FROM main.sales.transactions
GROUP BY region
