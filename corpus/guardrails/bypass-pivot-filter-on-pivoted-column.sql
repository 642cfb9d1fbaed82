-- The partition column is the PIVOT's FOR column: after the PIVOT there
-- is no such column to filter, the rows going in are all read.
SELECT *
FROM main.sales.transactions
PIVOT (sum(amount) AS total FOR transaction_date IN (DATE '2026-11-01' AS d1))
LIMIT 100
