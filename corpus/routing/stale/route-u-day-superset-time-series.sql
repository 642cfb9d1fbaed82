SELECT transaction_date AS __timestamp, sum(amount) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE) AND transaction_date < CAST('2026-11-25' AS DATE)
GROUP BY transaction_date
ORDER BY `SUM(amount)` DESC
LIMIT 10000
