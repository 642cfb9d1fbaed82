WITH tx AS (
  SELECT order_id, transaction_date, amount FROM sales.transactions
)
SELECT order_id, amount
FROM tx
WHERE transaction_date >= DATE '2026-11-20'
LIMIT 1000
