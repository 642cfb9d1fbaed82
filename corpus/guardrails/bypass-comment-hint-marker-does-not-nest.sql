SELECT order_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' /* x /*+ y */ OR 1 = 1 /* */
LIMIT 100
