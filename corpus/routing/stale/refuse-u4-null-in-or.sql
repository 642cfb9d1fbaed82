-- The rows with a NULL transaction_date are read: neither side of a union holds them.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01' OR transaction_date IS NULL
GROUP BY region
