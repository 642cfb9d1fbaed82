SELECT `Region` AS `Region`,
       sum(`amount`) AS `SUM(amount)`
FROM `main`.`sales`.`transactions`
WHERE `transaction_date` >= CAST('2026-09-01' AS DATE)
  AND `transaction_date` < CAST('2026-10-01' AS DATE)
GROUP BY `Region`
LIMIT 10000
