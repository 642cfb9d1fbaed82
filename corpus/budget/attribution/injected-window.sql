SELECT customer_id FROM main.sales.transactions
