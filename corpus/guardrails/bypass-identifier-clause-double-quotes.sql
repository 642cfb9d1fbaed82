SELECT order_id, amount FROM IDENTIFIER("sales.transactions") LIMIT 100
