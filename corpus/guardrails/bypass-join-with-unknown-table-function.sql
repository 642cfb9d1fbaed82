-- A table function outside Spark's built-in list (a UDTF, read_files):
-- sluice cannot say it is deterministic, so the WHERE is not taken as
-- reaching the fact (fails closed).
SELECT t.region FROM main.sales.transactions t, my_udtf(3) u WHERE t.transaction_date >= '2026-11-01' AND t.transaction_date < '2026-11-10' LIMIT 100
