SELECT date_trunc('month', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2025-12-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('month', transaction_date)
ORDER BY `SUM(amount)` DESC
LIMIT 10000
