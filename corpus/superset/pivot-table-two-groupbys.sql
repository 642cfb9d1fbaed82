SELECT region AS region,
       channel AS channel,
       date_trunc('quarter', transaction_date) AS transaction_date,
       sum(`amount`) AS `SUM(amount)`,
       COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
GROUP BY region,
         channel,
         date_trunc('quarter', transaction_date)
ORDER BY `SUM(amount)` DESC
LIMIT 10000
