SELECT 'current' AS period, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
UNION ALL
SELECT 'all time' AS period, sum(amount) AS revenue
FROM sales.transactions
