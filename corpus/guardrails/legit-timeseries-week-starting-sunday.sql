SELECT date_trunc('week', transaction_date + interval '1 day') - interval '1 day' AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-08-01' AS DATE)
  AND transaction_date < CAST('2026-11-22' AS DATE)
GROUP BY date_trunc('week', transaction_date + interval '1 day') - interval '1 day'
ORDER BY transaction_date
LIMIT 10000
