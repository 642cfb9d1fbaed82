SELECT sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-11-17' AS DATE)
  AND transaction_date < CAST('2026-11-24' AS DATE)
