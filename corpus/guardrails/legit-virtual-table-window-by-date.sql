SELECT customer_id, amount
FROM (
  SELECT customer_id, amount, transaction_date,
         rank() OVER (PARTITION BY transaction_date ORDER BY amount DESC) AS day_rank
  FROM sales.transactions
) AS virtual_table
WHERE transaction_date >= DATE '2026-11-01'
  AND day_rank <= 3
LIMIT 1000
