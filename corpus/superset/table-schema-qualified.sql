SELECT status AS status,
       count(*) AS `count`
FROM sales.orders
WHERE order_date >= CAST('2026-11-01' AS DATE)
GROUP BY status
ORDER BY `count` DESC
LIMIT 10000
