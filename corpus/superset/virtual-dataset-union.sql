SELECT source AS source,
       sum(amount) AS `SUM(amount)`
FROM
  (SELECT 'online' AS source, transaction_date, amount FROM main.sales.transactions WHERE channel = 'web'
UNION ALL
SELECT 'store' AS source, sale_date AS transaction_date, total AS amount FROM main.retail.store_sales
) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY source
ORDER BY `SUM(amount)` DESC
LIMIT 10000
