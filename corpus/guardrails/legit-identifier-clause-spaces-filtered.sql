SELECT order_id, amount
FROM IDENTIFIER(' main . sales . transactions ') AS t
WHERE t.transaction_date >= DATE '2026-11-01'
LIMIT 100
