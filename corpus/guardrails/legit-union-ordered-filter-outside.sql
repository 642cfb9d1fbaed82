-- A deterministic ORDER BY on the UNION ALL is a Sort the filter passes.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION ALL SELECT transaction_date, amount FROM main.sales.transactions ORDER BY amount DESC) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
