-- LEFT JOIN: an ON conjunct on the preserved (left) side filters nothing
-- below it.
SELECT t.order_id, p.name FROM main.sales.transactions t LEFT JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
