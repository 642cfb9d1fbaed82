SELECT transaction_date AS transaction_date,
       transaction_ts AS transaction_ts,
       region AS region,
       product_id AS product_id,
       customer_id AS customer_id,
       amount AS amount,
       quantity AS quantity
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND region = 'EMEA'
LIMIT 50
OFFSET 100
