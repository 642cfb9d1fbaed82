SELECT store_id AS store_id,
       count(*) AS `count`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND (region IN ('EMEA'))
  AND (channel <> 'internal')
GROUP BY store_id
LIMIT 10000
