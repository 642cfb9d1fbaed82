-- A hint argument written as a string names the relation as the
-- identifier would (Spark splits the string into name parts).
SELECT /*+ BROADCAST('p') */ p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t JOIN main.sales.products p ON t.product_id = p.product_id
GROUP BY p.category
