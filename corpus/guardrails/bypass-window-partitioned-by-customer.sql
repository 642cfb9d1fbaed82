SELECT customer_id, amount
FROM (
  SELECT customer_id, amount, transaction_date,
         row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rn
  FROM sales.transactions
) ranked
WHERE rn = 1
  AND transaction_date >= DATE '2026-11-01'
LIMIT 1000
