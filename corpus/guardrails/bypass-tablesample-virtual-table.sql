-- Superset's virtual_table around a sampled scan.
SELECT region, count(*) AS n FROM (SELECT * FROM main.sales.transactions TABLESAMPLE (2 PERCENT)) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 1000
