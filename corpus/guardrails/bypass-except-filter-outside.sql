-- EXCEPT becomes a LEFT ANTI join: the outer filter reaches the left branch
-- only.
SELECT * FROM (SELECT transaction_date, customer_id FROM main.sales.transactions EXCEPT SELECT transaction_date, customer_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
