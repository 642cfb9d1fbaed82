SELECT order_id FROM IDENTIFIER('main.sales.' /* x */ 'transactions ') LIMIT 100
