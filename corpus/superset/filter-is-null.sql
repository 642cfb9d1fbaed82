SELECT channel AS channel,
       count(*) AS `count`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND customer_id IS NULL
GROUP BY channel
ORDER BY `count` DESC
LIMIT 10000
