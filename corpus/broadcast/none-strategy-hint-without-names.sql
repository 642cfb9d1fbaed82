-- A strategy hint without names applies to every join under the SELECT:
-- the user has decided, nothing is added.
SELECT /*+ SHUFFLE_HASH */ p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t JOIN main.sales.products p ON t.product_id = p.product_id
GROUP BY p.category
