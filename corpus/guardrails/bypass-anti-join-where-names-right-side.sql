-- Same for LEFT ANTI JOIN: its right side is read without a bound.
SELECT p.name FROM main.sales.products p LEFT ANTI JOIN main.sales.transactions t ON t.product_id = p.product_id WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
