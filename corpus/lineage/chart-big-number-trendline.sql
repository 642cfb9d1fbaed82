SELECT date_trunc('day', order_date) AS order_date, sum(amount) AS `SUM(amount)`
FROM sales.orders
GROUP BY date_trunc('day', order_date)
LIMIT 10000
