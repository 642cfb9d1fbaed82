-- LEFT ANTI JOIN: a left-only ON conjunct is not pushed into the left
-- side (LeftOuter | LeftAnti push to the right only); it keeps rows.
SELECT t.order_id FROM main.sales.transactions t LEFT ANTI JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
