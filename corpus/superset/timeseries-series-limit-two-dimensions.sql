SELECT date_trunc('week', transaction_date) AS transaction_date,
       region AS region,
       channel AS channel,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
JOIN
  (SELECT region AS region__,
          channel AS channel__,
          sum(`quantity`) AS mme_inner__
   FROM main.sales.transactions
   WHERE transaction_date >= CAST('2026-06-01' AS DATE)
     AND transaction_date < CAST('2026-12-01' AS DATE)
   GROUP BY region,
            channel
   ORDER BY mme_inner__ DESC
   LIMIT 10) AS series_limit ON region = region__
AND channel = channel__
WHERE transaction_date >= CAST('2026-06-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('week', transaction_date),
         region,
         channel
ORDER BY `SUM(quantity)` DESC
LIMIT 10000
