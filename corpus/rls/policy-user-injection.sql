-- request: {"user": "x' OR '1'='1"}
SELECT amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
