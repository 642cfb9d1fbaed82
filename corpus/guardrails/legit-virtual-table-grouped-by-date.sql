SELECT region AS region,
       sum(daily_revenue) AS `SUM(daily_revenue)`
FROM (SELECT transaction_date, region, sum(amount) AS daily_revenue
      FROM sales.transactions
      GROUP BY transaction_date, region) AS virtual_table
WHERE transaction_date >= CAST('2026-09-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY region
LIMIT 10000
