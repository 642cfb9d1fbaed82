SELECT region_name AS region_name,
       sum(amount) AS `SUM(amount)`
FROM
  (SELECT /*+ BROADCAST(r) */ t.amount, t.transaction_date, r.region_name
FROM main.sales.transactions t
JOIN main.ref.regions r ON t.region = r.region_code
) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY region_name
ORDER BY `SUM(amount)` DESC
LIMIT 10000
