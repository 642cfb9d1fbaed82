SELECT channel AS channel,
       sum(amount) AS `SUM(amount)`
FROM (SELECT transaction_date, 'online' AS channel, amount FROM sales.transactions WHERE channel = 'web'
      UNION ALL
      SELECT transaction_date, 'offline' AS channel, amount FROM sales.transactions WHERE channel = 'store') AS virtual_table
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY channel
LIMIT 10000
