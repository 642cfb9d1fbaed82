SELECT coalesce(region, 'none') AS region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY coalesce(region, 'none')
ORDER BY 1
