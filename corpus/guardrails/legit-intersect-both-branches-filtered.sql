-- Each INTERSECT branch has its own filter.
SELECT * FROM (SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' INTERSECT SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') AS d LIMIT 100
