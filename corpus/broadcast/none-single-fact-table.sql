SELECT order_id FROM main.sales.transactions
