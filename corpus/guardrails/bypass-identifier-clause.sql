SELECT order_id, amount FROM IDENTIFIER('main.sales.transactions') LIMIT 100
