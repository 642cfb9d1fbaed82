SELECT transaction_date, count(*) AS orders
FROM main.sales.transactions
WHERE status = 'Refunded'
GROUP BY transaction_date
ORDER BY 1
