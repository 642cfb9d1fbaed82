SELECT customer_id, transaction_date, amount
FROM main.sales.transactions
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY transaction_date DESC) = 1
