SELECT amount AS amount
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND amount IS NOT NULL
LIMIT 10000
