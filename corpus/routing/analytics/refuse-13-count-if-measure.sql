SELECT region, count_if(amount > 100) AS big
FROM main.sales.transactions
GROUP BY region
