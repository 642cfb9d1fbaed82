-- request: {"user": "alice", "groups": ["eu_sales"]}
-- sluice: allow row-filter
SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
