-- HAVING on the grouping key goes below an Aggregate only when its
-- expressions are deterministic.
SELECT transaction_date, count(*) AS n, rand() AS r FROM main.sales.transactions GROUP BY transaction_date HAVING transaction_date >= DATE '2026-11-01' LIMIT 100
