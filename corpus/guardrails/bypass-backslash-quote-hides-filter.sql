SELECT order_id, amount
FROM sales.transactions
WHERE note <> 'a\' AND transaction_date >= DATE '
'2026-11-01'
LIMIT 100
