SELECT upper(region) AS region_name, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY upper(region)
ORDER BY 1
