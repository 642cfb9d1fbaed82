SELECT store_id, count(*) AS `count`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
  OR 1 = 1
GROUP BY store_id
LIMIT 10000
