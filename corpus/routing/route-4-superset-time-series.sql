SELECT date_trunc('day', transaction_date) AS transaction_date, region, sum(amount) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-10-01' AS DATE) AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('day', transaction_date), region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
