SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date > DATE '2026-11-10' AND transaction_date < DATE '2026-11-01'
