SELECT product_id AS product_id,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND region IN ('EMEA', 'NA', 'LATAM')
GROUP BY product_id
ORDER BY `SUM(amount)` DESC
LIMIT 10000
