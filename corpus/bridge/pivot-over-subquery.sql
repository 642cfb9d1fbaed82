SELECT *
FROM (SELECT region, channel, amount FROM main.sales.transactions)
PIVOT (sum(amount) AS total FOR channel IN ('web' AS web, 'app' AS app, 'store' AS store))
