-- products' columns are not declared, so the unqualified name could be
-- either table's; but transactions has transaction_date (it is its
-- partition column), so the query either reads transactions' column or
-- stops with an ambiguous reference before reading anything.
SELECT t.order_id, p.name FROM main.sales.transactions t, main.sales.products p
WHERE t.product_id = p.product_id AND transaction_date >= DATE '2026-11-01'
LIMIT 100
