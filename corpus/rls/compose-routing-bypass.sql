-- request: {"user": "root", "groups": ["Admin"]}
SELECT transaction_date, region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' GROUP BY transaction_date, region
