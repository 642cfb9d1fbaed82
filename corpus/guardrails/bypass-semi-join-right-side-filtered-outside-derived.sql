-- The derived table's transaction_date cannot be the SEMI JOIN's right
-- side: the filter outside bounds nothing of it.
SELECT * FROM (SELECT p.name, transaction_date FROM main.sales.products p LEFT SEMI JOIN main.sales.transactions t ON t.product_id = p.product_id) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
