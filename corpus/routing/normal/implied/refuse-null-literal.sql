SELECT status, count(*) AS orders
FROM main.sales.transactions
WHERE status = NULL
GROUP BY status
ORDER BY 1
