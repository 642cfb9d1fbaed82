-- (...) AS d (day, amt): the bound on day reaches the scan.
SELECT sum(amt) AS revenue FROM (SELECT transaction_date, amount FROM main.sales.transactions) AS d (day, amt) WHERE day >= DATE '2026-11-01' LIMIT 100
