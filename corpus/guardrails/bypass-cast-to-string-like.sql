SELECT region, sum(amount) AS total
FROM sales.transactions
WHERE CAST(transaction_date AS STRING) LIKE '2026%'
GROUP BY region
LIMIT 1000
