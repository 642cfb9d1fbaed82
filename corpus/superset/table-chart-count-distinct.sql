SELECT product_id AS product_id,
       COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-06-01' AS DATE)
  AND transaction_date < CAST('2026-09-01' AS DATE)
GROUP BY product_id
ORDER BY `COUNT_DISTINCT(customer_id)` DESC
LIMIT 100
