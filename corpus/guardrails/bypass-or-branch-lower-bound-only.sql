SELECT product_id, sum(quantity) AS units
FROM sales.transactions
WHERE transaction_date BETWEEN DATE '2026-09-01' AND DATE '2026-09-30'
   OR transaction_date < DATE '2026-01-01'
GROUP BY product_id
LIMIT 1000
