-- Only the dimension is sampled; the fact's own filter reaches its scan.
SELECT p.name, t.amount FROM main.sales.transactions t JOIN main.sales.products TABLESAMPLE (10 PERCENT) p ON t.product_id = p.product_id WHERE t.transaction_date >= DATE '2026-11-01' LIMIT 100
