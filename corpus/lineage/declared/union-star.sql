SELECT * FROM sales.quarterly UNION ALL SELECT region, 'all', sum(amount) FROM sales.orders GROUP BY region
