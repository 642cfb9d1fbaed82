SELECT date_trunc('year', date_trunc('month', transaction_date)) AS y, count(*) AS orders
FROM main.sales.transactions
WHERE date_trunc('month', transaction_date) <= TIMESTAMP '2026-10-01 00:00:00'
GROUP BY date_trunc('year', date_trunc('month', transaction_date))
ORDER BY 1
