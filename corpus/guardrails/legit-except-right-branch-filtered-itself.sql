-- The outer filter bounds the left branch; the right branch has its own.
SELECT * FROM (SELECT transaction_date, customer_id FROM main.sales.transactions EXCEPT SELECT transaction_date, customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
