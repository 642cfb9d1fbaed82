SELECT date_trunc('quarter', transaction_date) AS transaction_date,
       region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2024-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
GROUP BY date_trunc('quarter', transaction_date),
         region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
