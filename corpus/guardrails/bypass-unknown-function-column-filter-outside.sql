-- A function sluice does not know may be a non-deterministic UDF: the
-- filter from outside does not count.
SELECT * FROM (SELECT transaction_date, score_udf(amount) AS score FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
