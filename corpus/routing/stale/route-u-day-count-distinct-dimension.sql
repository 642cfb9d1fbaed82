-- COUNT(DISTINCT) of a dimension is read over the union's groups, which are the
-- aggregate's own groups (each wholly on one side of the split): exact.
SELECT count(DISTINCT region) AS regions, count(DISTINCT channel) AS channels
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-18'
