-- INTERSECT ALL is rewritten into a Union (RewriteIntersectAll): the outer
-- filter reaches both branches.
SELECT * FROM (SELECT transaction_date, customer_id FROM main.sales.transactions INTERSECT ALL SELECT transaction_date, customer_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
