SELECT date_trunc('week', transaction_date + interval '1 day') - interval '1 day' AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-09-06' AS DATE)
  AND transaction_date < CAST('2026-12-06' AS DATE)
GROUP BY date_trunc('week', transaction_date + interval '1 day') - interval '1 day'
ORDER BY `SUM(amount)` DESC
LIMIT 10000
