-- the CTE nobody reads is never run: only customers, 50,000,000,000 bytes
WITH unused AS (SELECT * FROM main.sales.events)
SELECT name FROM main.sales.customers
