SELECT status, SUM(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-15' AND transaction_date < DATE '2026-03-01'
GROUP BY status
