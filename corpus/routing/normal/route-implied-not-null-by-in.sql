SELECT transaction_date, status, count(*) AS orders
FROM main.sales.transactions
WHERE status IN ('pending', 'refunded') AND transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date, status
ORDER BY 1, 2
