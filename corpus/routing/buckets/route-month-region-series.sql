SELECT date_trunc('month', transaction_date) AS __timestamp, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-04-01' AS DATE) AND transaction_date < CAST('2026-10-01' AS DATE) AND region IN ('north', 'east')
GROUP BY date_trunc('month', transaction_date), region
ORDER BY revenue DESC
LIMIT 100
