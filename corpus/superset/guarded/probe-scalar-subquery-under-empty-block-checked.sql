SELECT (SELECT max(amount) FROM sales.transactions) AS top
FROM sales.products
WHERE false
