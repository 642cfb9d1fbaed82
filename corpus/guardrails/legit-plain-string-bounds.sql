SELECT product_id, sum(quantity) AS units
FROM sales.transactions
WHERE transaction_date >= '2026-09-15'
  AND transaction_date < '2026-11-15'
GROUP BY product_id
ORDER BY units DESC
LIMIT 50
