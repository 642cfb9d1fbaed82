-- RIGHT JOIN ... USING: the unqualified column is the right side's
-- (transactions), a filter on it reaches transactions' scan.
SELECT p.product_id, t.order_id FROM main.sales.products p
RIGHT JOIN main.sales.transactions t USING (transaction_date)
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
