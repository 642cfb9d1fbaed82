SELECT date_trunc('day', transaction_date) AS transaction_date,
       region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
JOIN (SELECT region AS region__,
             sum(`amount`) AS mme_inner__
      FROM sales.transactions
      WHERE transaction_date >= CAST('2026-10-01' AS DATE)
        AND transaction_date < CAST('2026-11-01' AS DATE)
      GROUP BY region
      ORDER BY mme_inner__ DESC
      LIMIT 5) AS series_limit ON region = region__
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('day', transaction_date), region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
