SELECT `t`.`region`, `t`.`Amount Net`, `p`.`product name`
FROM `main`.`sales`.`transactions` AS `t`
JOIN `main`.`sales`.`products` AS `p` ON `t`.`product_id` = `p`.`product_id`
