SELECT transaction_date, status, count(*) AS orders
FROM main.sales.transactions
WHERE status IN ('paid', 'pending')
GROUP BY transaction_date, status
ORDER BY 1, 2
