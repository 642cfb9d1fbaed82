SELECT count(*) AS count
FROM sales.orders
WHERE order_date >= CAST('2026-11-01' AS DATE) AND order_date < CAST('2026-12-01' AS DATE)
