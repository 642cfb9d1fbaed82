SELECT date_trunc('day', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('day', transaction_date)
LIMIT 10000
