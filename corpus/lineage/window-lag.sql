SELECT month, revenue, revenue - lag(revenue) OVER (ORDER BY month) AS change
FROM sales.monthly_revenue
