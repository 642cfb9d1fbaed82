SELECT date_trunc('month', transaction_date) AS __timestamp, region AS region, AVG(amount) AS `AVG(amount)`, AVG(quantity) AS `AVG(quantity)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE) AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('month', transaction_date), region
ORDER BY `AVG(amount)` DESC
LIMIT 10000
