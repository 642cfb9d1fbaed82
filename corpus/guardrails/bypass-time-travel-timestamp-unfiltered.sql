-- A time-travel read is still a read of the table: without a date window it is a full scan.
SELECT count(*) AS n
FROM main.sales.transactions TIMESTAMP AS OF '2026-11-01 00:00:00'
