SELECT `customer_id`, `amount`
FROM `sales`.`transactions`
WHERE `region` = 'EMEA'
LIMIT 100
