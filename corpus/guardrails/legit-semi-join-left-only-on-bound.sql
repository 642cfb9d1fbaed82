-- LEFT SEMI JOIN: Spark pushes a left-only ON conjunct into the left side
-- (PushPredicateThroughJoin, InnerLike | LeftSemi).
SELECT t.order_id, t.amount FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON t.product_id = p.product_id AND t.transaction_date >= DATE '2026-11-01' LIMIT 100
