WITH transactions AS (SELECT 1 AS id)
SELECT * FROM transactions
