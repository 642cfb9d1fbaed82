SELECT region AS region,
       channel AS channel,
       sum(`amount`) AS `SUM(amount)`,
       sum(`quantity`) AS `SUM(quantity)`,
       avg(`amount`) AS `AVG(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
GROUP BY region,
         channel
ORDER BY `SUM(amount)` DESC
LIMIT 10000
