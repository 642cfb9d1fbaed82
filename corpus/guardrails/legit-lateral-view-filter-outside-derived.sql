-- A deterministic LATERAL VIEW passes the filter from outside (Generate is
-- in PushPredicateThroughNonJoin.canPushThrough).
SELECT * FROM (SELECT transaction_date, tag FROM main.sales.transactions LATERAL VIEW explode(array('a', 'b')) g AS tag) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
