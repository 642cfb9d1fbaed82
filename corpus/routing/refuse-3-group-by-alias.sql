SELECT upper(region) AS r, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY r
