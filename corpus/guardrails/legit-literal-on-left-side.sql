SELECT store_id, count(*) AS orders
FROM sales.transactions
WHERE DATE '2026-11-01' <= transaction_date
  AND DATE '2026-11-24' > transaction_date
GROUP BY store_id
LIMIT 100
