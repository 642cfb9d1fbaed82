SELECT order_id, amount FROM IDENTIFIER('`main`.`sales`.`transactions`') AS t LIMIT 100
