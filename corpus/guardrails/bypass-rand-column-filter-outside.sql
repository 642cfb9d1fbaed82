-- A derived table with a rand() column: Spark pushes no filter through a
-- non-deterministic Project (SPARK-13473).
SELECT * FROM (SELECT *, rand() AS r FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
