SELECT order_id, amount FROM main.sales.transactions -- a note \
WHERE transaction_date >= DATE '2026-11-01' \
AND amount > 0
LIMIT 100
