-- INTERSECT becomes a LEFT SEMI join of its branches: the outer filter
-- reaches the left branch only; the right branch reads the whole fact.
SELECT * FROM (SELECT transaction_date, customer_id FROM main.sales.transactions INTERSECT SELECT transaction_date, customer_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
