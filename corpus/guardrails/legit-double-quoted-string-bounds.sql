SELECT product_id, sum(quantity) AS units
FROM sales.transactions
WHERE transaction_date >= "2026-10-01" AND transaction_date < "2026-11-01"
GROUP BY product_id
LIMIT 50
