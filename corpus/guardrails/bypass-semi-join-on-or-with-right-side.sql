-- An OR that reads the right side is no left-only conjunct.
SELECT t.order_id FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON t.product_id = p.product_id AND (t.transaction_date >= DATE '2026-11-01' OR p.category = 'promo') LIMIT 100
