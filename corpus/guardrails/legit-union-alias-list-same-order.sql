-- Both UNION ALL branches have the date first: the alias list names it a.
SELECT count(*) AS n FROM (SELECT transaction_date, ship_date FROM main.sales.transactions UNION ALL SELECT transaction_date, ship_date FROM main.sales.transactions) AS d (a, b) WHERE a >= DATE '2026-11-01' LIMIT 100
