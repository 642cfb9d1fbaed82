SELECT transaction_date AS transaction_date,
       region AS region,
       product_id AS product_id,
       amount AS amount
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-10-02' AS DATE)
LIMIT 1000
