SELECT channel AS channel,
       sum(`amount`) AS `SUM(amount)`,
       sum(`discount`) AS `SUM(discount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2025-12-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY channel
ORDER BY `SUM(amount)` DESC
LIMIT 10000
