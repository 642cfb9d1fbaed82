SELECT customer_id AS customer_id,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
GROUP BY customer_id
ORDER BY `SUM(quantity)` DESC
LIMIT 50000
