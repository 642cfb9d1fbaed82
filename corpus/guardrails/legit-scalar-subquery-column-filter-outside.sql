-- A deterministic scalar subquery column lets the filter from outside through.
SELECT * FROM (SELECT (SELECT max(list_price) FROM main.sales.products) AS top_price, transaction_date, amount FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
