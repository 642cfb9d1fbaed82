-- A * before the column hides its position: the alias list cannot be
-- followed, and the bound counts for nothing.
SELECT count(*) AS n FROM (SELECT *, transaction_date FROM main.sales.products, main.sales.transactions) AS d (a, b, c, transaction_date) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
