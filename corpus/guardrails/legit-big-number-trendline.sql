SELECT date_trunc('day', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-10-24' AS DATE)
  AND transaction_date < CAST('2026-11-24' AS DATE)
GROUP BY date_trunc('day', transaction_date)
LIMIT 10000
