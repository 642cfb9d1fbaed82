-- Both sides are the fact: the ON bounds the left, and the equality of
-- the dates carries it to the right (InferFiltersFromConstraints, LeftSemi).
SELECT a.order_id FROM main.sales.transactions a LEFT SEMI JOIN main.sales.transactions b ON a.transaction_date = b.transaction_date AND a.customer_id = b.customer_id AND b.order_id <> a.order_id AND a.transaction_date >= DATE '2026-11-01' LIMIT 100
