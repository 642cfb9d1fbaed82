-- rand() in another derived table does not stop the fact's filter.
SELECT t.amount, p.r FROM (SELECT * FROM main.sales.transactions) t JOIN (SELECT product_id, rand() AS r FROM main.sales.products) p ON t.product_id = p.product_id WHERE t.transaction_date >= DATE '2026-11-01' LIMIT 100
