SELECT order_id FROM IDENTIFIER('main.sales.transactions -- x \\
.ignored') LIMIT 100
