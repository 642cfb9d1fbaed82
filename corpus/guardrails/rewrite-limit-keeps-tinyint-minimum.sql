SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-20'
  AND CAST(quantity AS TINYINT) > -128Y
