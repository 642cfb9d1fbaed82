-- An expression of dimensions is a key of GROUP BY ALL too.
SELECT upper(region) AS region_code, transaction_date, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' GROUP BY ALL LIMIT 100
