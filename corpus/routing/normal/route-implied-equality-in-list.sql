SELECT transaction_date, count(*) AS orders
FROM main.sales.transactions
WHERE channel = 'web' AND transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date
ORDER BY 1
