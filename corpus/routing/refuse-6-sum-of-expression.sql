SELECT region, sum(amount * 2) AS doubled
FROM main.sales.transactions
GROUP BY region
