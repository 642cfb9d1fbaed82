SELECT order_id FROM IDENTIFIER('main.sales -- x\r.transactions') LIMIT 100
