-- A filter beside TABLESAMPLE stays above the Sample: Spark pushes no
-- filter through it, so the whole fact is read.
SELECT region, count(*) AS n FROM main.sales.transactions TABLESAMPLE (1 PERCENT) AS s WHERE s.transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 100
