-- A LEFT SEMI JOIN outputs the left side's columns only: an unqualified
-- date in the WHERE cannot be the right side's, so it does not bound it.
SELECT p.name FROM main.sales.products p LEFT SEMI JOIN main.sales.transactions t ON t.product_id = p.product_id WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
