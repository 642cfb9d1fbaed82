SELECT `date` AS `date`,
       `order` AS `order`,
       sum(`value`) AS `SUM(value)`
FROM main.ref.daily_kpis
WHERE `date` >= CAST('2026-11-01' AS DATE)
  AND `date` < CAST('2026-12-01' AS DATE)
GROUP BY `date`,
         `order`
ORDER BY `SUM(value)` DESC
LIMIT 10000
