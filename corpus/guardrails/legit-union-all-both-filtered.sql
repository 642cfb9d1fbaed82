SELECT 'this week' AS period, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-17' AND transaction_date < DATE '2026-11-24'
UNION ALL
SELECT 'last week' AS period, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-10' AND transaction_date < DATE '2026-11-17'
LIMIT 10
