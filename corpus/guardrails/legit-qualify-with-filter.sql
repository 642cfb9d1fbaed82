SELECT customer_id, order_id, amount
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) = 1
LIMIT 1000
