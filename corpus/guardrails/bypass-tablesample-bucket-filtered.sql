-- TABLESAMPLE (BUCKET ...) is a Sample too: the WHERE stays above it.
SELECT * FROM main.sales.transactions TABLESAMPLE (BUCKET 1 OUT OF 10) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
