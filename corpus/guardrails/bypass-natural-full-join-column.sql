-- NATURAL FULL JOIN with products, whose columns are not declared: if
-- products has a transaction_date too, the join is on it and the
-- unqualified name is the coalesce of both sides, which no filter
-- reaches (as for FULL JOIN USING). sluice cannot tell: no bound.
SELECT order_id FROM main.sales.products p
NATURAL FULL JOIN main.sales.transactions t
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
