-- A WHERE opening with a bracket after a SEMI JOIN's ON ends the ON (it
-- was read as a call of a function named where: a syntax error).
SELECT t.order_id FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON t.product_id = p.product_id WHERE (t.transaction_date >= DATE '2026-11-01') LIMIT 100
