SELECT region AS region, sum(amount) AS `SUM(amount)`
FROM sales.orders
JOIN (SELECT region AS region__, sum(amount) AS mme_inner__
      FROM sales.orders
      WHERE order_date >= CAST('2026-11-01' AS DATE)
      GROUP BY region
      ORDER BY mme_inner__ DESC
      LIMIT 5) AS series_limit ON region = region__
WHERE order_date >= CAST('2026-11-01' AS DATE)
GROUP BY region
LIMIT 10000
