-- The second branch has the date at another position: the outer filter
-- bounds its ship_date, not its transaction_date.
SELECT * FROM (SELECT transaction_date, ship_date FROM main.sales.transactions UNION ALL SELECT ship_date, transaction_date FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
