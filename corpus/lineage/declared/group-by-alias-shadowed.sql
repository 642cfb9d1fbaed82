SELECT upper(region) AS region, sum(amount) AS total FROM sales.orders GROUP BY region
