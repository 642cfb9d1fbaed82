-- request: {"user": "alice", "groups": ["eu_sales"]}
WITH transactions AS (SELECT 'US' AS region, 1 AS amount)
SELECT region, amount FROM transactions
