SELECT date_trunc('month', transaction_date) AS transaction_date,
       avg(`amount`) AS `AVG(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
GROUP BY date_trunc('month', transaction_date)
ORDER BY transaction_date ASC
LIMIT 10000
