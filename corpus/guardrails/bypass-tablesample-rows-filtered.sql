-- TABLESAMPLE (n ROWS) is a Limit over the scan: no filter goes below it.
SELECT * FROM main.sales.transactions TABLESAMPLE (1000 ROWS) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
