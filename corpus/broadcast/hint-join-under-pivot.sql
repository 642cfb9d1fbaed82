-- A join under a PIVOT gets its hint in the query it is in, which the PIVOT reads.
SELECT *
FROM (SELECT p.category, t.channel, t.amount
      FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id)
PIVOT (sum(amount) AS revenue FOR channel IN ('web' AS web, 'app' AS app))
