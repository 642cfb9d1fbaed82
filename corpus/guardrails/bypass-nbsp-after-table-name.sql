SELECT order_id, amount FROM main.sales.transactions 
