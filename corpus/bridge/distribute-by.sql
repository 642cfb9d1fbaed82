SELECT customer_id, amount
FROM main.sales.transactions
DISTRIBUTE BY customer_id
