-- Here the clause names t.amount: wrapped in a SELECT, t would name nothing. No hint.
SELECT *
FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id
PIVOT (sum(t.amount) AS revenue FOR channel IN ('web' AS web, 'app' AS app))
