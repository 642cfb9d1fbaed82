SELECT date_trunc('day', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE date_trunc('day', transaction_date) >= CAST('2026-11-01' AS DATE)
  AND date_trunc('day', transaction_date) < CAST('2026-11-24' AS DATE)
GROUP BY date_trunc('day', transaction_date)
LIMIT 10000
