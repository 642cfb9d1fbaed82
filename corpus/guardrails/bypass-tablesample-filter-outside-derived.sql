-- A filter outside a derived table that samples the fact stays above the
-- Sample.
SELECT * FROM (SELECT * FROM main.sales.transactions TABLESAMPLE (1 PERCENT)) AS s WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
