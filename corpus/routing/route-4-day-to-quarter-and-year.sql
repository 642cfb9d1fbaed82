SELECT date_trunc('quarter', transaction_date) AS q, date_trunc('year', transaction_date) AS y, count(*) AS orders
FROM main.sales.transactions
GROUP BY date_trunc('quarter', transaction_date), date_trunc('year', transaction_date)
ORDER BY 1
