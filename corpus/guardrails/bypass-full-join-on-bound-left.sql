-- FULL JOIN: nothing in the ON is pushed to either side.
SELECT t.order_id, p.name FROM main.sales.transactions t FULL JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
