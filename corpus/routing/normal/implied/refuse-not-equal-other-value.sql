SELECT status, count(*) AS orders
FROM main.sales.transactions
WHERE status <> 'pending'
GROUP BY status
ORDER BY 1
