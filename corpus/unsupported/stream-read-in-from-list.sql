-- STREAM after a comma of the FROM list is still a streaming read.
SELECT * FROM main.sales.products p, STREAM main.sales.transactions t WHERE p.id = t.product_id
