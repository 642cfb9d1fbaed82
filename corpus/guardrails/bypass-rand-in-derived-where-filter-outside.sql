-- WHERE rand() < x in the derived table: CombineFilters does not merge the
-- outer filter into a non-deterministic one, and no rule pushes a Filter
-- through a Filter.
SELECT * FROM (SELECT * FROM main.sales.transactions WHERE rand() < 0.1) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
