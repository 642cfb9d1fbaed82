SELECT region, avg(amount) OVER w AS avg_amount, max(amount) OVER w AS max_amount
FROM sales.orders
WINDOW w AS (PARTITION BY region ORDER BY order_date)
