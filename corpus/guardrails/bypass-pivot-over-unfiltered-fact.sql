-- PIVOT reads its source whole: an unfiltered fact under it is a full scan.
SELECT *
FROM main.sales.transactions
PIVOT (sum(amount) AS total FOR channel IN ('web' AS web, 'app' AS app))
LIMIT 100
