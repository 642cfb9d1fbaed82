SELECT region, sum(amount) AS revenue
FROM (SELECT * FROM sales.orders) AS virtual_table
WHERE order_date >= CAST('2026-11-01' AS DATE)
GROUP BY region
