SELECT order_id, amount
  FROM sales.transactions
 WHERE transaction_date BETWEEN DATE '2026-09-01' AND DATE '2026-11-01'
 LIMIT 500000 -- everything
