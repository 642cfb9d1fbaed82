SELECT /*+ BROADCAST(p) -- */ 1 AS x FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
*/ order_id FROM main.sales.transactions
LIMIT 100
