SELECT `Region` AS `Region`,
       sum(`Gross Amount`) AS `SUM(Gross Amount)`
FROM `main`.`sales-eu`.`Transactions 2026`
WHERE `Order Date` >= CAST('2026-11-01' AS DATE)
  AND `Order Date` < CAST('2026-12-01' AS DATE)
GROUP BY `Region`
ORDER BY `SUM(Gross Amount)` DESC
LIMIT 10000
