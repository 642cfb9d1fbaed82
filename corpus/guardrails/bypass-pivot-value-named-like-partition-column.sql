-- The pivoted column named transaction_date holds sums, not dates of the
-- rows read: a filter on it bounds nothing.
SELECT *
FROM (SELECT channel, amount FROM main.sales.transactions)
PIVOT (sum(amount) FOR channel IN ('web' AS transaction_date))
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
