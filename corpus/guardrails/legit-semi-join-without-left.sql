-- SEMI JOIN is LEFT SEMI JOIN.
SELECT t.order_id FROM main.sales.transactions t SEMI JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
