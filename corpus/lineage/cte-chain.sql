WITH a AS (SELECT customer_id, amount FROM sales.orders),
     b AS (SELECT customer_id, sum(amount) AS total FROM a GROUP BY customer_id)
SELECT customer_id, total FROM b WHERE total > 100
