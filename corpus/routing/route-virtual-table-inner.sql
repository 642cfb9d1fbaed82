SELECT region, revenue
FROM (SELECT region, sum(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= DATE '2026-10-01' GROUP BY region) AS virtual_table
WHERE region IS NOT NULL
LIMIT 1000
