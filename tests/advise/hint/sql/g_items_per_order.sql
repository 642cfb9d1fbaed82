SELECT region, AVG(quantity) AS items_per_order
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-04-01'
GROUP BY region
