-- FULL JOIN ... USING (transaction_date): the unqualified column is
-- coalesce(t.transaction_date, p.transaction_date). Spark pushes a
-- filter on it to neither side (canPushThrough(FullOuter) is false, and
-- EliminateOuterJoin finds no conjunct on one side alone), so
-- transactions is read whole.
SELECT t.order_id FROM main.sales.transactions t
FULL JOIN main.sales.products p USING (transaction_date)
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
