-- Superset's virtual_table around an INTERSECT.
SELECT count(*) AS n FROM (SELECT customer_id, transaction_date FROM main.sales.transactions WHERE channel = 'web' INTERSECT SELECT customer_id, transaction_date FROM main.sales.transactions WHERE channel = 'app') AS virtual_table WHERE transaction_date >= DATE '2026-11-01' LIMIT 1000
