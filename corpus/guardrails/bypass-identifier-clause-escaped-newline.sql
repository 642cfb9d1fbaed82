SELECT order_id FROM IDENTIFIER('main.sales.transactions\n') LIMIT 100
