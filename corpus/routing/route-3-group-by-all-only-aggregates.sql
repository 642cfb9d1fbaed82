-- GROUP BY ALL with only aggregates in the select list is one group.
SELECT SUM(amount) AS revenue, COUNT(*) AS orders FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' AND region = 'east' GROUP BY ALL
