SELECT *
FROM (SELECT region, channel, amount FROM main.sales.transactions
      WHERE transaction_date >= DATE '2026-11-01')
PIVOT (sum(amount) AS total FOR channel IN ('web' AS web, 'app' AS app))
LIMIT 100
