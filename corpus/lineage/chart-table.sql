SELECT region AS region, sum(amount) AS `SUM(amount)`
FROM sales.orders
WHERE order_date >= CAST('2026-11-01' AS DATE) AND order_date < CAST('2026-11-08' AS DATE)
  AND status IN ('paid', 'shipped')
GROUP BY region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
