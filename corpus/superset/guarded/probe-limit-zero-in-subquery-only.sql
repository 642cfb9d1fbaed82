SELECT * FROM (SELECT * FROM sales.transactions LIMIT 0) AS a
UNION ALL
SELECT * FROM sales.transactions
