SELECT customer_id, transaction_date
FROM (
  SELECT customer_id, max(transaction_date) AS transaction_date
  FROM sales.transactions
  GROUP BY customer_id
) AS virtual_table
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 1000
