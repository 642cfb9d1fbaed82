-- A sample of a filtered fact passes like a plain scan.
SELECT region, count(*) AS n FROM main.sales.transactions TABLESAMPLE (1 PERCENT) AS s WHERE s.transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 100
