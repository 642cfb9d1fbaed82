-- The date filter is below the QUALIFY, inside the derived table.
SELECT * FROM (SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' QUALIFY row_number() OVER (ORDER BY amount DESC) <= 10) AS top LIMIT 100
