SELECT order_id FROM IDENTIFIER('main.sales./**/transactions') LIMIT 100
