SELECT order_id FROM IDENTIFIER('`main`/* c */.`sales`.`transactions`') LIMIT 100
