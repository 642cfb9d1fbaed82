-- EXCEPT ALL is rewritten into a Union (RewriteExceptAll): both branches.
SELECT * FROM (SELECT transaction_date, customer_id FROM main.sales.transactions EXCEPT ALL SELECT transaction_date, customer_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
