-- amount inside the subquery is orders' if orders has it, else the
-- outer customers' (Spark resolves the inner query first, then
-- resolveOuterRef); neither table's columns are declared, so sluice
-- does not place it.
SELECT c.name FROM sales.customers c
WHERE EXISTS (SELECT 1 FROM sales.orders o WHERE o.customer_id = 7 AND amount > 100)
