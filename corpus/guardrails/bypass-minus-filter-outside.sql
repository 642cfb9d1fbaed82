-- MINUS is EXCEPT.
SELECT * FROM (SELECT transaction_date, order_id FROM main.sales.transactions MINUS SELECT transaction_date, order_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
