-- A LATERAL VIEW is a Generate between the FROM and the WHERE; with a
-- non-deterministic argument (shuffle) Spark pushes no filter through it.
SELECT v, amount FROM main.sales.transactions LATERAL VIEW explode(shuffle(array(1, 2, 3))) g AS v WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
