-- PIVOT over a join written in place: the hint needs a SELECT to sit in,
-- which sluice can add when the clause names columns without their table.
SELECT *
FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id
PIVOT (sum(amount) AS revenue FOR channel IN ('web' AS web, 'app' AS app))
