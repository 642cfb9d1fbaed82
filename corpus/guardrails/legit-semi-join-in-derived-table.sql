-- The SEMI JOIN inside a derived table bounds its left side.
SELECT * FROM (SELECT t.transaction_date, t.amount FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01') AS d LIMIT 100
