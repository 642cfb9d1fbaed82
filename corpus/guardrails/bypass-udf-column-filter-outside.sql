-- A function outside Spark's registry (a UDF) may be non-deterministic: Spark keeps the filter above such a projection, and the scan below reads everything.
SELECT * FROM (SELECT transaction_date, amount, score_order(amount) AS score FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
