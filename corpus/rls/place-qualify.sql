-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' QUALIFY row_number() OVER (PARTITION BY region ORDER BY amount DESC) <= 3
