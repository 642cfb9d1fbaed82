-- The aggregation is the PIVOT's: the source is read as rows, nothing to route.
SELECT * FROM (SELECT region, channel, amount FROM main.sales.transactions WHERE transaction_date >= '2026-11-01') PIVOT (SUM(amount) AS revenue FOR channel IN ('web' AS web, 'app' AS app)) LIMIT 100
