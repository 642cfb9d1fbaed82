SELECT order_id FROM IDENTIFIER('main.sales.\u0074ransactions\u00a0') LIMIT 100
