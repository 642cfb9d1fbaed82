SELECT order_id FROM IDENTIFIER('main.sales.transactions -- fact table') LIMIT 100
