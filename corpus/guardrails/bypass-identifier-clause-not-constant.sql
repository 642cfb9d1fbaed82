SELECT order_id, amount FROM IDENTIFIER(concat('main.sales.', 'transactions')) LIMIT 100
