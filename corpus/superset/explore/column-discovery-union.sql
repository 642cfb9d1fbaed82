SELECT region FROM sales.transactions
UNION ALL
SELECT region FROM main.sales.transactions
LIMIT 1
