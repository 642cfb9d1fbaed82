SELECT region, sum(amount) AS revenue
FROM main.sales.transactions TABLESAMPLE (10 PERCENT)
GROUP BY region
