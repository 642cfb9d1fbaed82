SELECT t.status, sum(t.amount) AS revenue, count(*) AS orders
FROM main.sales.transactions AS t
WHERE t.transaction_date >= DATE '2026-10-01'
GROUP BY t.status
