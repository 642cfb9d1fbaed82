SELECT date_trunc('month', transaction_date) AS transaction_date,
       product_id AS product_id,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
JOIN
  (SELECT product_id AS product_id__,
          count(*) AS mme_inner__
   FROM main.sales.transactions
   WHERE transaction_date >= CAST('2026-01-01' AS DATE)
     AND transaction_date < CAST('2026-12-01' AS DATE)
     AND region IN ('EMEA', 'APAC')
     AND (quantity > 1)
   GROUP BY product_id
   ORDER BY mme_inner__ DESC
   LIMIT 25) AS series_limit ON product_id = product_id__
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND region IN ('EMEA', 'APAC')
  AND (quantity > 1)
GROUP BY date_trunc('month', transaction_date),
         product_id
ORDER BY `SUM(amount)` DESC
LIMIT 10000
