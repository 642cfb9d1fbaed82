SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
WHERE status = 'pending' AND transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date
ORDER BY 1
