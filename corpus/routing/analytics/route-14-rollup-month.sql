SELECT date_trunc('month', transaction_date) AS __timestamp, region, avg(amount) AS `AVG(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE) AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY ROLLUP(date_trunc('month', transaction_date), region)
ORDER BY 1, 2
LIMIT 1000
