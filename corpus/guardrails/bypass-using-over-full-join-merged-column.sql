-- The outer USING (transaction_date) joins q to the inner FULL JOIN's
-- merged column, coalesce(t.transaction_date, p.transaction_date): the
-- window q's filter carries across the join's equality stops above the
-- FULL JOIN, and transactions is read whole.
SELECT t.order_id
FROM (main.sales.transactions t FULL JOIN main.sales.products p USING (transaction_date))
JOIN main.sales.products q USING (transaction_date)
WHERE q.transaction_date >= DATE '2026-11-01'
LIMIT 100
