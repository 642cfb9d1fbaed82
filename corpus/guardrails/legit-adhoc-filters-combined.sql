SELECT region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
  AND channel IN ('web', 'app')
  AND store_id NOT IN (13, 666)
  AND coupon_code IS NULL
  AND customer_email LIKE '%@example.com'
  AND status != 'void'
  AND (amount > 10 OR quantity > 2)
GROUP BY region
HAVING sum(`amount`) > 1000
ORDER BY `SUM(amount)` DESC
LIMIT 10000
