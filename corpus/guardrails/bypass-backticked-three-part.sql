SELECT customer_id, amount
FROM `main`.`SALES`.`Transactions`
LIMIT 100
