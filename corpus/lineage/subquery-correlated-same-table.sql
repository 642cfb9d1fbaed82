-- The same table inside and out: the inner orders has amount if the
-- outer one does, and Spark reads the inner one first.
SELECT order_id FROM sales.orders
WHERE amount > (SELECT avg(amount) FROM sales.orders WHERE status = 'paid')
