-- The alias names the month of the date, an expression: a filter on it
-- outside bounds nothing sluice can read.
SELECT * FROM (SELECT date_trunc('month', transaction_date) AS transaction_date, sum(amount) AS revenue FROM main.sales.transactions GROUP BY 1) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' LIMIT 1000
