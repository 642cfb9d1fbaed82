-- Superset's virtual_table with randn(): the time filter stays above.
SELECT region, sum(noise) AS s FROM (SELECT region, transaction_date, randn() AS noise FROM main.sales.transactions) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 1000
