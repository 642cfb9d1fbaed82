SELECT *
FROM main.sales.transactions
WHERE transaction_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'
  AND transaction_ts >= TIMESTAMP '2024-01-01 10:00:00'
