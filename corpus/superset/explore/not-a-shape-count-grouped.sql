SELECT region, COUNT(*) AS count FROM sales.transactions GROUP BY region
