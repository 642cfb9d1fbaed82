SELECT date_trunc('month', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
  AND (region = 'APAC')
  AND (channel <> 'partner' OR amount < 1000)
GROUP BY date_trunc('month', transaction_date)
ORDER BY `SUM(amount)` DESC
LIMIT 10000
