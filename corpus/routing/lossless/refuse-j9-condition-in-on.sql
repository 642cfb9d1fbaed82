SELECT t.transaction_date, t.region, count(*) AS orders
FROM main.sales.transactions AS t
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY t.transaction_date, t.region
