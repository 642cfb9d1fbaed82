-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT REGION FROM MAIN.SALES.TRANSACTIONS WHERE TRANSACTION_DATE >= DATE '2026-11-01'
