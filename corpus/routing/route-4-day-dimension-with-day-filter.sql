SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-10-01' AND '2026-10-31'
GROUP BY transaction_date
ORDER BY 1
