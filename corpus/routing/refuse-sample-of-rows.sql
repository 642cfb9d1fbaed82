SELECT region, amount
FROM main.sales.transactions
ORDER BY amount DESC
LIMIT 10
