SELECT upper(region) AS reg, sum(amount) AS total FROM sales.orders GROUP BY reg
