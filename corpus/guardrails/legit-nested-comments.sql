SELECT order_id /* a /* nested */ comment */ FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01' /* /*+ no hint here */
LIMIT 100
