-- BROADCAST(products) names nothing here: under an alias, Spark matches the
-- alias only.  The user's hint does not cover p, so p is added.
SELECT /*+ BROADCAST(products) */ p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t JOIN main.sales.products p ON t.product_id = p.product_id
GROUP BY p.category
