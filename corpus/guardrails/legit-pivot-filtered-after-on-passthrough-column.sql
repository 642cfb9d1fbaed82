-- transaction_date is neither aggregated nor pivoted: it is a grouping
-- column of the PIVOT, and filtering it afterwards filters the rows going in.
SELECT *
FROM main.sales.transactions
PIVOT (sum(amount) AS total FOR channel IN ('web' AS web, 'app' AS app))
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
