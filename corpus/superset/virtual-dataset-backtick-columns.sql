SELECT `Region Name` AS `Region Name`,
       sum(`Net Sales`) AS `SUM(Net Sales)`
FROM
  (SELECT region AS `Region Name`, amount - discount AS `Net Sales`, transaction_date AS `Order Date`
FROM main.sales.transactions
) AS virtual_table
WHERE `Order Date` >= CAST('2026-10-01' AS DATE)
  AND `Order Date` < CAST('2026-11-01' AS DATE)
GROUP BY `Region Name`
ORDER BY `SUM(Net Sales)` DESC
LIMIT 10000
