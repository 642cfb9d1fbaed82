SELECT order_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' LIMIT 5000000
