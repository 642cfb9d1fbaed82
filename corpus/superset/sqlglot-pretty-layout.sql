SELECT
  DATE_TRUNC('MONTH', transaction_date) AS transaction_date,
  region AS region,
  SUM(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE
  transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2026-07-01' AS DATE)
  AND region IN ('EMEA', 'APAC')
GROUP BY
  DATE_TRUNC('MONTH', transaction_date),
  region
ORDER BY
  `SUM(amount)` DESC
LIMIT 10000
