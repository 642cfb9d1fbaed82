SELECT count(*) AS n
FROM main.sales.transactions TIMESTAMP AS OF '2026-11-01 00:00:00'
