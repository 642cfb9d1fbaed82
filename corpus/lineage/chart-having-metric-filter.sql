SELECT region, sum(amount) AS revenue
FROM sales.orders
GROUP BY region
HAVING sum(amount) > 1000 AND count(order_id) > 10
ORDER BY revenue DESC
