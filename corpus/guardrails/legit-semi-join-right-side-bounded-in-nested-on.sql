-- The right side of a SEMI JOIN bounded in the ON of a join nested inside it.
SELECT p.name FROM main.sales.products p LEFT SEMI JOIN (main.sales.transactions t JOIN main.sales.products q ON t.product_id = q.product_id AND t.transaction_date >= DATE '2026-11-01') ON t.product_id = p.product_id LIMIT 100
