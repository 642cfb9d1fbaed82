-- NATURAL RIGHT JOIN, products' columns not declared: either products
-- has transaction_date (the join is on it, the value is the right
-- side's and InferFiltersFromConstraints carries the filter to the left
-- through the join's equality) or it has not (the column is
-- transactions' own, the filter rejects its nulls and EliminateOuterJoin
-- makes the join inner). Either way the scan is bounded.
SELECT order_id FROM main.sales.transactions t
NATURAL RIGHT JOIN main.sales.products p
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
