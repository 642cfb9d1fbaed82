SELECT status, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY status
ORDER BY 1
