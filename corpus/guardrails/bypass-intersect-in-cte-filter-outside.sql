-- INTERSECT in a CTE, filter on the reference.
WITH both_days AS (SELECT customer_id, transaction_date FROM main.sales.transactions INTERSECT SELECT customer_id, transaction_date FROM main.sales.transactions)
SELECT * FROM both_days WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
