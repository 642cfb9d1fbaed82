-- A date filter in the ON condition bounds the right side of a SEMI JOIN.
SELECT p.product_id FROM main.sales.products p LEFT SEMI JOIN main.sales.transactions t ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
