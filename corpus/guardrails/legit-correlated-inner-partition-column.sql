-- An unqualified name in a correlated subquery: transactions' own
-- column if it has one, else the outer products' (resolveOuterRef).
-- transactions has transaction_date (its partition column): the filter
-- bounds its scan.
SELECT p.product_id FROM main.sales.products p
WHERE EXISTS (SELECT 1 FROM main.sales.transactions t
              WHERE t.product_id = p.product_id AND transaction_date >= DATE '2026-11-01')
LIMIT 100
