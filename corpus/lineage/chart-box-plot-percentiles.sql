SELECT region, percentile_approx(amount, 0.5) AS median, min(amount) AS low, max(amount) AS high
FROM sales.orders
GROUP BY region
