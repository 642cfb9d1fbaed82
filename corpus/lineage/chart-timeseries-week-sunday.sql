SELECT date_trunc('week', order_date + INTERVAL '1 day') - INTERVAL '1 day' AS __timestamp,
       channel, sum(amount) AS revenue
FROM sales.orders
WHERE order_date >= CAST('2026-10-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('week', order_date + INTERVAL '1 day') - INTERVAL '1 day', channel
ORDER BY revenue DESC
LIMIT 10000
