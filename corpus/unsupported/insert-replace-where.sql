WITH s AS (SELECT * FROM main.sales.transactions)
INSERT INTO main.sales.copy REPLACE WHERE transaction_date = DATE '2026-11-01' SELECT * FROM s
