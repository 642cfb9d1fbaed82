-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT c.name, (SELECT SUM(t.amount) FROM main.sales.transactions t WHERE t.customer_id = c.id AND t.transaction_date >= DATE '2026-11-01') AS spent FROM main.sales.customers c
