-- An older version of a small dimension is still small.
SELECT p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products VERSION AS OF 3 p ON p.product_id = t.product_id
GROUP BY p.category
