-- A closed window beside TABLESAMPLE does not reach the scan either.
SELECT count(*) AS n FROM main.sales.transactions TABLESAMPLE (10 PERCENT) WHERE transaction_date BETWEEN DATE '2026-11-01' AND DATE '2026-11-20'
