-- RIGHT JOIN: an ON conjunct on the preserved (right) side filters nothing.
SELECT t.order_id, p.name FROM main.sales.products p RIGHT JOIN main.sales.transactions t ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
